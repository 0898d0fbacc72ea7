exports.activate = function activate() {
  return { activationMs: 0 };
};
exports.deactivate = function deactivate() {};
