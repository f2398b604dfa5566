'use strict';

/** Events for pages: on(listener) returns the function that removes the listener; listener(event, detail). */
class Emitter {
  constructor() {
    this.listeners = [];
  }

  on(listener) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event, detail) {
    this.listeners.slice().forEach((listener) => listener(event, detail));
  }
}

module.exports = { Emitter };
