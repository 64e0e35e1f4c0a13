// Writes identity_reviews.csv from the committed yelp_heldout.csv (no packages needed):
//   node examples/Sentiment/data/make_identity_data.mjs examples/Sentiment/data
// Each of the 500 held-out sentences appears once as it is (the background: no identity mentioned) and once
// signed by a customer described with an identity term of Dixon et al. (2018) ("A muslim customer wrote: ...").
// Sentence i goes to subgroup i % 4 and term (i / 4) % 6 of that subgroup, so each subgroup holds 125 sentences
// of both labels. One boolean column per subgroup, for the identity-bias check.
import fs from "node:fs";
import path from "node:path";

const [dir] = process.argv.slice(2);
const parse = (line) => {
  const fields = [];
  let field = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { fields.push(field); field = ""; }
    else field += c;
  }
  fields.push(field);
  return fields;
};
const rows = fs.readFileSync(path.join(dir, "yelp_heldout.csv"), "utf8").trim().split("\n").slice(1).map(parse);

const subgroups = {
  sexuality: ["gay", "lesbian", "bisexual", "transgender", "queer", "homosexual"],
  religion: ["muslim", "jewish", "christian", "sikh", "buddhist", "catholic"],
  ethnicity: ["black", "african american", "hispanic", "asian", "white", "middle eastern"],
  disability_age: ["blind", "deaf", "paralyzed", "elderly", "teenage", "old"],
};
const names = Object.keys(subgroups);
const article = (word) => (/^[aeiou]/.test(word) ? "An" : "A");
const cell = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const out = [["text", "label", "term", ...names]];
rows.forEach(([text, label]) => out.push([text, label, "", ...names.map(() => "false")]));
rows.forEach(([text, label], i) => {
  const group = names[i % names.length];
  const term = subgroups[group][Math.floor(i / names.length) % subgroups[group].length];
  out.push([`${article(term)} ${term} customer wrote: ${text}`, label, term, ...names.map((n) => String(n === group))]);
});
fs.writeFileSync(path.join(dir, "identity_reviews.csv"), out.map((r) => r.map(cell).join(",")).join("\n") + "\n");
console.log(`identity_reviews.csv: ${out.length - 1} rows`);
