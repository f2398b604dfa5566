const ops = require('../../operations');

const app = getApp();

// My community: its compounds and buildings, its places and enabled modules, and incidents as they change live.
Page({
  data: { community: null, live: [], error: '' },

  onShow() {
    app.linqin.request(ops.Community).then((answer) => {
      if (answer.errors) {
        this.setData({ error: answer.errors[0].message });
        return;
      }
      const community = answer.data.community;
      community.enabledModules = community.modules.filter((m) => m.enabled).map((m) => m.module.nameZh);
      this.setData({ community, error: '' });
    });
    if (!this.unsubscribe && app.linqin.signedIn()) {
      this.unsubscribe = app.linqin.subscribe(ops.IncidentChanges, {}, {
        next: (result) => {
          if (result.data && result.data.incidentChanges) {
            this.setData({ live: [result.data.incidentChanges].concat(this.data.live).slice(0, 10) });
          }
        },
        // 4403: this caller may not follow incidents here (e.g. a resident); nothing to retry.
        error: () => {
          this.unsubscribe = null;
        },
        complete: () => {
          this.unsubscribe = null;
        },
      });
    }
  },

  onUnload() {
    if (this.unsubscribe) {
      this.unsubscribe();
    }
  },
});
