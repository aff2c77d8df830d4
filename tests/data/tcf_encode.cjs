// Encodes a TC string with IAB Tech Lab's own library (@iabtcf/core, devDependency) for tests/test_traffic_tcf.py.
// stdin: {"cmpId", "cmpVersion", "publisherCC", "purposes", "purposesLI", "specialFeatures", "vendors", "vendorsLI",
//         "gvlVendors": {"<id>": {"purposes": [...], "legIntPurposes": [...]}}}  (a vendor list made up for the test)
// stdout: the TC string. The encoder drops vendors the vendor list does not have or that declare no purpose.
const { TCModel, TCString, GVL } = require('@iabtcf/core');
const spec = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const items = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1,
  { id: i + 1, name: `item ${i + 1}`, description: '', illustrations: [] }]));
const vendors = Object.fromEntries(Object.entries(spec.gvlVendors).map(([id, v]) => [id, {
  id: Number(id), name: `vendor ${id}`, purposes: v.purposes, legIntPurposes: v.legIntPurposes,
  flexiblePurposes: [], specialPurposes: [], features: [], specialFeatures: [], policyUrl: 'http://127.0.0.1/',
  cookieMaxAgeSeconds: 0, usesCookies: false, usesNonCookieAccess: false }]));
const gvl = new GVL({ gvlSpecificationVersion: 3, vendorListVersion: 80, tcfPolicyVersion: 4,
  lastUpdated: '2026-11-01T00:00:00Z', purposes: items(11), specialPurposes: items(2), features: items(3),
  specialFeatures: items(2), stacks: {}, dataCategories: {}, vendors });
const model = new TCModel(gvl);
model.cmpId = spec.cmpId;
model.cmpVersion = spec.cmpVersion;
model.publisherCountryCode = spec.publisherCC;
model.purposeConsents.set(spec.purposes);
model.purposeLegitimateInterests.set(spec.purposesLI);
model.specialFeatureOptins.set(spec.specialFeatures);
model.vendorConsents.set(spec.vendors);
model.vendorLegitimateInterests.set(spec.vendorsLI);
process.stdout.write(TCString.encode(model));
