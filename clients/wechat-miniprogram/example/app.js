const { createClient } = require('linqin-miniprogram');
const config = require('./config');

App({
  onLaunch() {
    this.linqin = createClient({
      url: config.url,
      tokenUrl: config.tokenUrl,
      community: wx.getStorageSync('community') || config.community,
      language: 'zh-CN',
      code: config.devUser ? () => config.devUser + '.' + Date.now() + '-' + Math.random().toString(36).slice(2)
        : undefined,
    });
  },
});
