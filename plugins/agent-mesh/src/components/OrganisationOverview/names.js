"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shortName = shortName;
exports.plural = plural;
/** The name part of an entity ref: `group:default/brand-a` -> `brand-a`. */
function shortName(ref) {
    return ref.slice(Math.max(ref.lastIndexOf('/'), ref.indexOf(':')) + 1);
}
/** "1 agent", "2 agents". */
function plural(count, one, many) {
    if (many === void 0) { many = "".concat(one, "s"); }
    return "".concat(count, " ").concat(count === 1 ? one : many);
}
