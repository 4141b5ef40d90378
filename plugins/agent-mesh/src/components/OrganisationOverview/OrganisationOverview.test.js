"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
var react_1 = require("@testing-library/react");
var user_event_1 = require("@testing-library/user-event");
var test_utils_1 = require("@backstage/test-utils");
var plugin_catalog_react_1 = require("@backstage/plugin-catalog-react");
var api_1 = require("../../api");
var __testUtils__1 = require("../../__testUtils__");
var OrganisationOverview_1 = require("./OrganisationOverview");
function render(api) {
    return (0, test_utils_1.renderInTestApp)(<test_utils_1.TestApiProvider apis={[[api_1.agentMeshApiRef, api]]}>
      <OrganisationOverview_1.OrganisationOverview />
    </test_utils_1.TestApiProvider>, { mountedRoutes: { '/catalog/:namespace/:kind/:name': plugin_catalog_react_1.entityRouteRef } });
}
var withOverview = function (value) {
    if (value === void 0) { value = __testUtils__1.overview; }
    return (0, __testUtils__1.fakeAgentMeshApi)({ getOverview: jest.fn(function () { return __awaiter(void 0, void 0, void 0, function () { return __generator(this, function (_a) {
            return [2 /*return*/, value];
        }); }); }) });
};
describe('OrganisationOverview', function () {
    it('asks for the last 30 days and shows the totals', function () { return __awaiter(void 0, void 0, void 0, function () {
        var api, _a, totals;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    api = withOverview();
                    return [4 /*yield*/, render(api)];
                case 1:
                    _b.sent();
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByText('At a glance')];
                case 2:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    expect(api.getOverview).toHaveBeenCalledWith({ period: '30d' });
                    totals = react_1.screen.getByText('Agent actions in 30 days').parentElement;
                    expect((0, react_1.within)(totals).getByText('42')).toBeInTheDocument();
                    expect(react_1.screen.getByText('Overlap clusters', { selector: 'dt' })).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('lists teams with sub-teams included, and links each team', function () { return __awaiter(void 0, void 0, void 0, function () {
        var table, rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, render(withOverview())];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, react_1.screen.findByRole('table', { name: 'Teams' })];
                case 2:
                    table = _a.sent();
                    rows = (0, react_1.within)(table).getAllByTestId('team-row');
                    // The team without any work is left out of the table and counted below it.
                    expect(rows).toHaveLength(3);
                    expect((0, react_1.within)(rows[0]).getByRole('link', { name: 'Brands' })).toHaveAttribute('href', '/catalog/default/group/brands');
                    expect((0, react_1.within)(rows[0]).getByText('3 (0 own)')).toBeInTheDocument();
                    expect((0, react_1.within)(rows[1]).getByText('in brands')).toBeInTheDocument();
                    expect(react_1.screen.getByText('1 more team has nothing built with AI and no agent actions.')).toBeInTheDocument();
                    expect(react_1.screen.getByRole('img', { name: /most actions: Brand A with 25/ })).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('shows each overlap cluster with its teams and links to its members', function () { return __awaiter(void 0, void 0, void 0, function () {
        var cluster;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, render(withOverview())];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, react_1.screen.findByRole('region', {
                            name: '3 sales aggregators: brand-a, brand-b, brand-c',
                        })];
                case 2:
                    cluster = _a.sent();
                    expect((0, react_1.within)(cluster).getByRole('heading', {
                        name: '3 sales aggregators: brand-a, brand-b, brand-c',
                    })).toBeInTheDocument();
                    expect((0, react_1.within)(cluster).getByRole('link', {
                        name: 'Brand B Weekly Revenue Roll-up',
                    })).toHaveAttribute('href', '/catalog/default/aiartifact/brand-b-sales-rollup');
                    expect((0, react_1.within)(cluster).getByText('Strongest overlap 72%')).toBeInTheDocument();
                    expect((0, react_1.within)(cluster).getByText('both integrate shopify and salesforce')).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('links what is new and the agents that built it', function () { return __awaiter(void 0, void 0, void 0, function () {
        var list;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, render(withOverview())];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, react_1.screen.findByRole('list', { name: 'New this period' })];
                case 2:
                    list = _a.sent();
                    expect((0, react_1.within)(list).getByRole('link', { name: 'Brand B Sales API' })).toHaveAttribute('href', '/catalog/default/component/brand-b-sales-api');
                    expect((0, react_1.within)(list).getByRole('link', { name: 'brand-b-coder' })).toHaveAttribute('href', '/catalog/default/agent/brand-b-coder');
                    return [2 /*return*/];
            }
        });
    }); });
    it('lists agents, most active first, and says when one never acted', function () { return __awaiter(void 0, void 0, void 0, function () {
        var table, _a, first, second;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, render(withOverview())];
                case 1:
                    _b.sent();
                    return [4 /*yield*/, react_1.screen.findByRole('table', { name: 'Agents' })];
                case 2:
                    table = _b.sent();
                    _a = (0, react_1.within)(table).getAllByTestId('agent-row'), first = _a[0], second = _a[1];
                    expect((0, react_1.within)(first).getByRole('link', { name: 'Brand A Coding Agent' })).toBeInTheDocument();
                    expect((0, react_1.within)(first).getByText('25')).toBeInTheDocument();
                    expect((0, react_1.within)(second).getByText('No owner')).toBeInTheDocument();
                    expect((0, react_1.within)(second).getByText('Never')).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('describes the score and activity charts for screen readers', function () { return __awaiter(void 0, void 0, void 0, function () {
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, render(withOverview())];
                case 1:
                    _b.sent();
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByRole('img', {
                            name: 'Entities per level: Gold 1, Silver 2, Bronze 1, none 1',
                        })];
                case 2:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    expect(react_1.screen.getByRole('img', {
                        name: 'Actions per day (UTC), 2026-11-16 to 2026-11-18; busiest day 2026-11-16 with 30',
                    })).toBeInTheDocument();
                    expect(react_1.screen.getByText('repo.commit: 30')).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('switches the period from the keyboard', function () { return __awaiter(void 0, void 0, void 0, function () {
        var api, week, _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    api = withOverview();
                    return [4 /*yield*/, render(api)];
                case 1:
                    _b.sent();
                    return [4 /*yield*/, react_1.screen.findByText('At a glance')];
                case 2:
                    _b.sent();
                    week = react_1.screen.getByRole('button', { name: '7 days' });
                    expect(week).toHaveAttribute('aria-pressed', 'false');
                    week.focus();
                    return [4 /*yield*/, user_event_1.default.keyboard('{Enter}')];
                case 3:
                    _b.sent();
                    expect(api.getOverview).toHaveBeenLastCalledWith({ period: '7d' });
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByText('New in the last 7 days')];
                case 4:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    expect(react_1.screen.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
                    return [2 /*return*/];
            }
        });
    }); });
    it('shows progress while loading', function () { return __awaiter(void 0, void 0, void 0, function () {
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, render((0, __testUtils__1.fakeAgentMeshApi)())];
                case 1:
                    _b.sent();
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByTestId('progress')];
                case 2:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('shows the error when the backend fails', function () { return __awaiter(void 0, void 0, void 0, function () {
        var error, _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, (0, __testUtils__1.responseError)(403, 'Not allowed to read the overview', 'NotAllowedError')];
                case 1:
                    error = _b.sent();
                    return [4 /*yield*/, render((0, __testUtils__1.fakeAgentMeshApi)({
                            getOverview: jest.fn(function () { return __awaiter(void 0, void 0, void 0, function () { return __generator(this, function (_a) {
                                return [2 /*return*/, Promise.reject(error)];
                            }); }); }),
                        }))];
                case 2:
                    _b.sent();
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByText(/Not allowed to read the overview/)];
                case 3:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('explains what to do when nothing is built with AI yet', function () { return __awaiter(void 0, void 0, void 0, function () {
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, render(withOverview(__assign(__assign({}, __testUtils__1.overview), { totals: __assign(__assign({}, __testUtils__1.overview.totals), { agents: 0, artifacts: 0 }) })))];
                case 1:
                    _b.sent();
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByText('Nothing built with AI yet')];
                case 2:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
    it('says so in each part that has nothing to show', function () { return __awaiter(void 0, void 0, void 0, function () {
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, render(withOverview(__assign(__assign({}, __testUtils__1.overview), { totals: __assign(__assign({}, __testUtils__1.overview.totals), { actions: 0, scoredEntities: 0 }), newThisPeriod: [], overlapClusters: [], agents: [] })))];
                case 1:
                    _b.sent();
                    _a = expect;
                    return [4 /*yield*/, react_1.screen.findByText('No unacknowledged overlaps between teams.')];
                case 2:
                    _a.apply(void 0, [_b.sent()]).toBeInTheDocument();
                    expect(react_1.screen.getByText('Nothing new appeared in the last 30 days.')).toBeInTheDocument();
                    expect(react_1.screen.getByText(/No agents in the catalog/)).toBeInTheDocument();
                    expect(react_1.screen.getByText(/No scorecard has been recorded yet/)).toBeInTheDocument();
                    expect(react_1.screen.getByText('No agent actions were logged in this period.')).toBeInTheDocument();
                    return [2 /*return*/];
            }
        });
    }); });
});
