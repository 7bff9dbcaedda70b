import type UserConfig from "@11ty/eleventy/UserConfig";

/**
 * Compiles each Nunjucks template once per build instead of once per page.
 *
 * Eleventy 3.1 compiles a template by making a new `nunjucks.Template` from its text for every
 * page it renders (its Nunjucks engine opts out of Eleventy's compile cache, and the template is
 * not taken from Nunjucks' loader cache either), so a paginated template such as news-item.njk
 * would be lexed, parsed and compiled to JavaScript once for each of its pages (docs/benchmarks.md
 * has what that cost). Layouts and includes already come from Nunjucks' loader cache.
 *
 * This keeps what compiling produced (the root render function and blocks: pure functions of the
 * template's text, path and the environment's filters and options) per environment, keyed by
 * path and text, and hands it to every later Template with the same key through Nunjucks' own
 * `tmplProps` (the slot precompiled templates use). Only the environment Eleventy creates for
 * this configuration is affected; a template whose text changes gets a new key.
 */
interface NunjucksTemplate {
  env: object;
  path: string | null;
  tmplStr: string;
  tmplProps?: unknown;
  _compile(): void;
  blocks: Record<string, unknown>;
  rootRenderFunc: unknown;
}

interface NunjucksModule {
  Template: { prototype: NunjucksTemplate };
  compiler: {
    compile(src: string, asyncFilters: unknown, extensions: unknown, name: string | null, opts: unknown): string;
  };
}

const caches = new WeakMap<object, Map<string, unknown>>();
const patched = new WeakSet<object>();

export function enableCompileCache(nunjucks: NunjucksModule, environment: object): void {
  caches.set(environment, new Map());
  const prototype = nunjucks.Template.prototype;
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const compile = prototype._compile;
  prototype._compile = function (this: NunjucksTemplate) {
    const cache = caches.get(this.env);
    if (cache && this.tmplProps === undefined && typeof this.tmplStr === "string") {
      const key = `${this.path ?? ""}\u0000${this.tmplStr}`;
      let props = cache.get(key);
      if (props === undefined) {
        const env = this.env as { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
        const source = nunjucks.compiler.compile(
          this.tmplStr,
          env.asyncFilters,
          env.extensionsList,
          this.path,
          env.opts,
        );
        // What Nunjucks' own _compile does with the source (new Function, no eval of template data).
        props = new Function(source)() as unknown;
        cache.set(key, props);
      }
      this.tmplProps = props;
    }
    compile.call(this);
  };
}

export default function nunjucksCompileCache(eleventyConfig: UserConfig): void {
  eleventyConfig.on(
    "eleventy.engine.njk",
    ({ nunjucks, environment }: { nunjucks: NunjucksModule; environment: object }) => {
      enableCompileCache(nunjucks, environment);
    },
  );
}
