"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganisationOverview = void 0;
var OrganisationOverview_1 = require("./OrganisationOverview");
Object.defineProperty(exports, "OrganisationOverview", { enumerable: true, get: function () { return OrganisationOverview_1.OrganisationOverview; } });
