const ops = require('../../operations');

const app = getApp();

// My bookings of rooms in the addressed community, with cancelling.
Page({
  data: { bookings: [], error: '' },

  onShow() {
    this.load();
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    return app.linqin.request(ops.Mine).then((answer) => {
      if (answer.errors) {
        // MODULE_DISABLED where facility booking is not enabled; FORBIDDEN for a caller not yet verified here.
        this.setData({ error: answer.errors[0].message, bookings: [] });
      } else {
        this.setData({ bookings: answer.data.myBookings.edges.map((edge) => edge.node), error: '' });
      }
    }, (e) => this.setData({ error: e.message }));
  },

  cancel(event) {
    app.linqin.request(ops.Cancel, { id: event.currentTarget.dataset.id }).then((answer) => {
      if (answer.errors) {
        this.setData({ error: answer.errors[0].message });
      }
      return this.load();
    });
  },
});
