const ops = require('../../operations');

const app = getApp();

// Sign-in: wx.login's code goes to Keycloak (the WeChat code grant); then who am I, and which community to address.
Page({
  data: { signedIn: false, me: null, communities: [], communityIndex: 0, error: '' },

  onShow() {
    this.setData({ signedIn: app.linqin.signedIn() });
    this.loadCommunities();
    if (app.linqin.signedIn()) {
      this.loadMe();
    }
  },

  signIn() {
    wx.showLoading({ title: '登录中' });
    app.linqin.signIn()
      .then(() => {
        this.setData({ signedIn: true, error: '' });
        return this.loadMe();
      })
      .catch((e) => this.setData({ error: e.message }))
      .then(() => wx.hideLoading());
  },

  signOut() {
    app.linqin.signOut().catch(() => {}).then(() => this.setData({ signedIn: false, me: null }));
  },

  loadMe() {
    return app.linqin.request(ops.Me).then((answer) => {
      if (answer.errors) {
        this.setData({ error: answer.errors[0].message });
      } else {
        this.setData({ me: answer.data.me });
      }
    });
  },

  loadCommunities() {
    app.linqin.request(ops.Communities).then((answer) => {
      const communities = answer.data ? answer.data.communities.edges.map((edge) => edge.node) : [];
      const index = Math.max(0, communities.findIndex((c) => c.code === app.linqin.community()));
      this.setData({ communities, communityIndex: index });
    });
  },

  chooseCommunity(event) {
    const community = this.data.communities[event.detail.value];
    wx.setStorageSync('community', community.code);
    app.linqin.setCommunity(community.code);
    this.setData({ communityIndex: Number(event.detail.value) });
    this.loadMe();
  },

  goToCommunity() {
    wx.switchTab({ url: '/pages/community/community' });
  },
});
