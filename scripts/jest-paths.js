// Maps the @gmdb/* aliases of tsconfig.base.json to jest's moduleNameMapper.
const { compilerOptions } = require('../tsconfig.base.json');

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function pathsToModuleNameMapper() {
  const out = {};
  for (const [alias, targets] of Object.entries(compilerOptions.paths)) {
    out[`^${escape(alias)}$`] = `<rootDir>/${targets[0]}`;
  }
  return out;
}

module.exports = { pathsToModuleNameMapper };
