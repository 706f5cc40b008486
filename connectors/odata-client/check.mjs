// Reads the hub's OData feed with a third-party OData v4 client (@odata/client, not the hub's Olingo):
// by key, $select on an entity, a missing key, filter/order/top, count, and an unsupported option.
// Usage: node check.mjs <service root, e.g. http://127.0.0.1:8080/odata/v1/> <API key>
// Prints one line per check and exits 1 when any fails.
import { OData } from "@odata/client";

const [serviceEndpoint, apiKey] = process.argv.slice(2);
if (!serviceEndpoint || !apiKey) {
  console.error("usage: node check.mjs <service root> <API key>");
  process.exit(2);
}
const client = OData.New4({ serviceEndpoint, commonHeaders: { "X-API-Key": apiKey } });
const hcp = client.getEntitySet("hcp");
let failed = 0;

async function check(name, fn) {
  try {
    const detail = await fn();
    console.log(`ok   ${name}${detail ? ": " + detail : ""}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
  }
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

await check("retrieve hcp('H000001')", async () => {
  const one = await hcp.retrieve("H000001");
  expect(one.hcp_id === "H000001", `hcp_id ${JSON.stringify(one)}`);
  expect(String(one["@odata.context"]).endsWith("$metadata#hcp/$entity"), `context ${one["@odata.context"]}`);
  return `${one.hcp_id} ${one.specialty}`;
});

await check("retrieve with $select", async () => {
  const one = await hcp.retrieve("H000001", OData.newOptions().select(["hcp_id", "specialty"]));
  expect(one.specialty !== undefined && one.npi === undefined && one.decile === undefined, JSON.stringify(one));
  return JSON.stringify(one);
});

await check("retrieve a missing key is an error with a code", async () => {
  const res = await client.newRequest({ collection: "hcp", id: "NOPE", method: "GET" });
  expect(res.error && res.error.code === "NOT_FOUND", JSON.stringify(res));
  return res.error.code;
});

await check("query with filter, orderby, top", async () => {
  const rows = await hcp.query(OData.newOptions().filter(OData.newFilter().field("decile").ge(9))
    .orderby("hcp_id", "desc").top(3).select(["hcp_id", "decile"]));
  expect(rows.length === 3, `rows ${JSON.stringify(rows)}`);
  expect(rows.every((r) => r.decile >= 9), JSON.stringify(rows));
  expect(rows[0].hcp_id > rows[1].hcp_id && rows[1].hcp_id > rows[2].hcp_id, JSON.stringify(rows));
  return rows.map((r) => r.hcp_id).join(",");
});

await check("count", async () => {
  const n = await hcp.count();
  expect(Number.isInteger(n) && n > 0, `count ${n}`);
  return String(n);
});

await check("$search answers 501 with a code", async () => {
  const res = await client.newRequest({ collection: "hcp", method: "GET", params: OData.newOptions().search("Boston") });
  expect(res.error && res.error.code === "NOT_IMPLEMENTED", JSON.stringify(res));
  return res.error.code;
});

process.exit(failed === 0 ? 0 : 1);
