// rjsf's $ref lookup imports fast-uri (~12 KiB gzip) to resolve $id-relative references of JSON Schema 2020-12;
// our schema is draft-07 without $ref, so rjsf never calls it. astro.config.mjs aliases fast-uri to this
// stand-in; a schema that comes to need it fails loudly here instead of resolving wrongly.
function needed(): never {
  throw new Error('rjsf resolves a $ref by URI, but astro.config.mjs aliases fast-uri away: remove that alias');
}

export default { equal: needed, resolve: needed };
