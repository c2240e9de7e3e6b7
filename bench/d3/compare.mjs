// d3-hierarchy's half of the side-by-side layout benchmark (SPEC §8); the Rust example
// `crates/layout/examples/d3_compare.rs` writes the org file this reads.
//
//   node compare.mjs ORG.json [--runs 11] [--warmup 3]
//       lays the org out with d3.tree().nodeSize([card width + sibling gap, card height +
//       level gap]), times the tree() call alone (median after warm-up), prints the figures
//       and writes them to ORG.json.d3.json;
//   node compare.mjs --table ORG.json...
//       prints one table row per org from Pendulum's figures and the d3 ones beside them.
//
// Every walk here is iterative: a deep org must not overflow the JavaScript stack.

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { hierarchy, tree } from "d3-hierarchy";

function usage() {
  console.error(
    "usage: node compare.mjs ORG.json [--runs N] [--warmup N]\n" +
      "       node compare.mjs --table ORG.json...",
  );
  process.exit(2);
}

function parseArgs(argv) {
  const args = { files: [], runs: 11, warmup: 3, table: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--table") args.table = true;
    else if (arg === "--runs" || arg === "--warmup") {
      const value = Number(argv[i + 1]);
      if (!Number.isInteger(value) || value < (arg === "--runs" ? 1 : 0)) usage();
      args[arg.slice(2)] = value;
      i += 1;
    } else if (arg.startsWith("--")) usage();
    else args.files.push(arg);
  }
  if (args.files.length === 0 || (!args.table && args.files.length !== 1)) usage();
  return args;
}

// The org as nested { index, children } objects for d3.hierarchy, built from the parent array
// without recursion; a forest of several trees hangs under one extra root (index -1).
function orgData(parent) {
  const nodes = parent.map((_, index) => ({ index, children: undefined }));
  const roots = [];
  parent.forEach((p, k) => {
    if (p < 0) roots.push(nodes[k]);
    else (nodes[p].children ??= []).push(nodes[k]);
  });
  if (roots.length === 1) return { data: roots[0], extraRoot: false };
  return { data: { index: -1, children: roots }, extraRoot: true };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  // Even counts take the upper middle, as the Rust side does.
  return sorted[Math.floor(sorted.length / 2)];
}

// Drawing width of d3's layout: x is a card's centre, so add one card width to the span.
function drawingWidth(root, cardWidth, extraRoot) {
  let min = Infinity;
  let max = -Infinity;
  root.each((node) => {
    if (extraRoot && node.depth === 0) return;
    if (node.x < min) min = node.x;
    if (node.x > max) max = node.x;
  });
  return max - min + cardWidth;
}

function measure(layoutTree, root, runs, warmup) {
  for (let i = 0; i < warmup; i += 1) layoutTree(root);
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    layoutTree(root);
    times.push(performance.now() - start);
  }
  return median(times);
}

function compare(file, runs, warmup) {
  const org = JSON.parse(readFileSync(file, "utf8"));
  const [cardWidth, cardHeight] = org.card;
  const { data, extraRoot } = orgData(org.parent);
  const root = hierarchy(data, (d) => d.children);
  const nodeSize = [cardWidth + org.sibling_gap, cardHeight + org.level_gap];

  // d3's default separation puts cousins two node widths apart; separation 1 is d3 at its
  // narrowest with Pendulum's gaps, the fairest width to hold Pendulum's against.
  const byDefault = tree().nodeSize(nodeSize);
  const msDefault = measure(byDefault, root, runs, warmup);
  byDefault(root);
  const widthDefault = drawingWidth(root, cardWidth, extraRoot);

  const tight = tree()
    .nodeSize(nodeSize)
    .separation(() => 1);
  const msTight = measure(tight, root, runs, warmup);
  tight(root);
  const widthTight = drawingWidth(root, cardWidth, extraRoot);

  const figures = {
    d3_hierarchy: JSON.parse(
      readFileSync(new URL("./node_modules/d3-hierarchy/package.json", import.meta.url), "utf8"),
    ).version,
    node: process.version,
    runs,
    warmup,
    nodes: org.parent.length,
    extra_root: extraRoot,
    tree_ms: msDefault,
    tree_separation1_ms: msTight,
    width: widthDefault,
    width_separation1: widthTight,
  };
  writeFileSync(`${file}.d3.json`, `${JSON.stringify(figures)}\n`);

  console.log(
    `d3-hierarchy ${figures.d3_hierarchy} on node ${figures.node}: ${figures.nodes} nodes` +
      `${extraRoot ? " (forest under one extra root)" : ""}; median of ${runs} runs after ${warmup} warm-up`,
  );
  console.log(
    `  tree() default separation ${msDefault.toFixed(3).padStart(9)} ms   width ${widthDefault.toFixed(0)}`,
  );
  console.log(
    `  tree() separation 1       ${msTight.toFixed(3).padStart(9)} ms   width ${widthTight.toFixed(0)}`,
  );
}

function table(files) {
  const columns = [
    ["people", 9],
    ["pendulum ms", 12],
    ["(unstacked)", 12],
    ["(snapshot)", 11],
    ["d3 ms", 10],
    ["speed ratio", 12],
    ["pendulum width", 15],
    ["d3 width", 12],
    ["width ratio", 12],
    ["(d3 sep 1)", 11],
  ];
  const line = (cells) => cells.map((c, i) => String(c).padStart(columns[i][1])).join(" ");
  console.log(line(columns.map(([name]) => name)));
  for (const file of files) {
    const org = JSON.parse(readFileSync(file, "utf8"));
    const p = org.pendulum;
    const pendulum = [
      org.people,
      p.layout_stacked_ms.toFixed(2),
      p.layout_unstacked_ms.toFixed(2),
      p.snapshot_stacked_ms.toFixed(2),
    ];
    const d3File = `${file}.d3.json`;
    if (!existsSync(d3File)) {
      console.log(line([...pendulum, "failed", "-", p.width_stacked.toFixed(0), "-", "-", "-"]));
      continue;
    }
    const d = JSON.parse(readFileSync(d3File, "utf8"));
    console.log(
      line([
        ...pendulum,
        d.tree_ms.toFixed(2),
        `${(d.tree_ms / p.layout_stacked_ms).toFixed(1)}×`,
        p.width_stacked.toFixed(0),
        d.width.toFixed(0),
        `${(d.width / p.width_stacked).toFixed(2)}×`,
        `${(d.width_separation1 / p.width_stacked).toFixed(2)}×`,
      ]),
    );
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.table) table(args.files);
else compare(args.files[0], args.runs, args.warmup);
