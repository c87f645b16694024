// Stylesheets mean nothing to the component tests.
module.exports = { process: () => ({ code: 'module.exports = {};' }) };
