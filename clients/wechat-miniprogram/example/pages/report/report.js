const ops = require('../../operations');

const app = getApp();
const DEFAULT_CATEGORIES = ['safety', 'fire-hazard', 'city-management', 'sanitation', 'neighbour-dispute',
  'public-sentiment', 'other'];

// Report an incident (随手拍): category from the community's grid settings, a description, optionally a building.
Page({
  data: { categories: DEFAULT_CATEGORIES, categoryIndex: 0, buildings: [], buildingIndex: -1, description: '',
    reported: null, error: '' },

  onLoad() {
    app.linqin.request(ops.Community).then((answer) => {
      if (!answer.data) {
        return;
      }
      const community = answer.data.community;
      const grid = community.modules.find((m) => m.module.id === 'grid');
      const setting = grid && grid.settings.find((s) => s.key === 'categories');
      const buildings = [];
      community.compounds.edges.forEach((edge) => edge.node.buildings.forEach((b) => buildings.push({
        id: b.id, name: edge.node.name + ' ' + b.name })));
      this.setData({ buildings, categories: setting ? setting.value.split(',') : DEFAULT_CATEGORIES });
    });
  },

  chooseCategory(event) {
    this.setData({ categoryIndex: Number(event.detail.value) });
  },

  chooseBuilding(event) {
    this.setData({ buildingIndex: Number(event.detail.value) });
  },

  describe(event) {
    this.setData({ description: event.detail.value });
  },

  report() {
    const input = { category: this.data.categories[this.data.categoryIndex], description: this.data.description };
    if (this.data.buildingIndex >= 0) {
      input.buildingId = this.data.buildings[this.data.buildingIndex].id;
    }
    app.linqin.request(ops.ReportIncident, { input }).then((answer) => {
      if (answer.errors) {
        // VALIDATION_FAILED names the field in extensions.fields; the message is in the request's language.
        this.setData({ error: answer.errors[0].message, reported: null });
      } else {
        this.setData({ reported: answer.data.reportIncident, description: '', error: '' });
      }
    }, (e) => this.setData({ error: e.message }));
  },
});
