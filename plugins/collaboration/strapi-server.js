'use strict';
// Strapi loads a plugin's server entry only as JavaScript: this points at the tsc output.
const entry = require('./dist');
module.exports = entry.default || entry;
