// Builds the StackSpot hub (src/hub) into dist/hub/: hub.js, hub.css and hub.html (from
// static/hub.html). Also builds the bench's baseline page (a bare React + azure-devops-ui page)
// with the very same settings when called with `--env baseline`, so the two sizes compare like with
// like.
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const webpack = require("webpack");

const { buildIconFont } = require("./scripts/lib/icon-font");

const EMPTY_CSS = path.resolve(__dirname, "src/hub/empty.css");
const ICONS_CSS = path.resolve(__dirname, "src/hub/icons.css");
/** The icon font's name in dist/hub, as src/hub/icons.css's @font-face names it. */
const ICON_FONT = "fonts/icons.woff2";

/**
 * webpack's own CSS minifier only runs with experiments.css; we extract CSS with
 * mini-css-extract-plugin instead (azure-devops-ui imports plain .css files), so minify the
 * extracted files with esbuild.
 */
class EsbuildCssMinifyPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap("EsbuildCssMinifyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EsbuildCssMinifyPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".css")) continue;
            const { code } = esbuild.transformSync(assets[name].source().toString(), {
              loader: "css",
              minify: true,
            });
            compilation.updateAsset(name, new sources.RawSource(code));
          }
        },
      );
    });
  }
}

/**
 * Emits the hubs' pages (static/hub.html, static/organization.html) beside the bundles, as
 * dist/hub/*.html: the manifest's hub `uri`s.
 */
class HubPagePlugin {
  constructor(sources) {
    this.sources = sources;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HubPagePlugin", (compilation) => {
      for (const source of this.sources) compilation.fileDependencies.add(source);
      compilation.hooks.processAssets.tap(
        { name: "HubPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const source of this.sources)
            compilation.emitAsset(
              path.basename(source),
              new sources.RawSource(fs.readFileSync(source)),
            );
        },
      );
    });
  }
}

/**
 * Emits the hub's icon font: the glyphs src/hub/icons.css maps, cut out of azure-devops-ui's MDL2
 * font (scripts/lib/icon-font.js), 3 KB of WOFF2 instead of 58 KB of WOFF.
 */
class IconFontPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const sourceFont = require.resolve("azure-devops-ui/Components/Icon/fonts/AzDevMDL2.woff");
    compiler.hooks.thisCompilation.tap("IconFontPlugin", (compilation) => {
      compilation.fileDependencies.add(ICONS_CSS);
      compilation.hooks.processAssets.tap(
        { name: "IconFontPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const font = buildIconFont(fs.readFileSync(ICONS_CSS, "utf8"), sourceFont);
          compilation.emitAsset(ICON_FONT, new sources.RawSource(font));
        },
      );
    });
  }
}

module.exports = (env = {}) => {
  const baseline = Boolean(env.baseline);
  const outDir = env.outDir
    ? path.resolve(env.outDir)
    : path.resolve(__dirname, baseline ? ".tmp/bench-baseline" : "dist/hub");
  return {
    mode: env.development ? "development" : "production",
    target: ["web", "es2020"],
    // The project hub and the organization view (Organization settings → StackSpot).
    entry: baseline
      ? { hub: "./bench/baseline/index.tsx" }
      : { hub: "./src/hub/index.tsx", organization: "./src/organization/index.tsx" },
    output: {
      path: outDir,
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      publicPath: "auto",
      clean: true,
    },
    devtool: env.development ? "eval-source-map" : false,
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      // Polyfills for browsers Azure DevOps no longer supports (it needs fetch, Promise,
      // Object.assign, the ES2015 string methods and IntersectionObserver natively): left out of
      // the bundle.
      alias: {
        "whatwg-fetch": false,
        "es6-promise/auto": false,
        "es6-object-assign/auto": false,
        "es6-string-polyfills": false,
        "intersection-observer": false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          // Types are checked once by `npm run typecheck`; the bundle only needs transpiling.
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: false },
            },
          },
          exclude: /node_modules/,
        },
        {
          // The engine and the access layer are plain modules without side effects: let the bundle
          // drop what their public index re-exports but the hub's first download does not use.
          test: /[\\/]src[\\/](setup|ado)[\\/]/,
          sideEffects: false,
        },
        {
          // Likewise the YAML library (the engine reads files with it but never writes YAML), the
          // REST clients' package (whose indexes re-export every contract of an area) and jsdiff
          // (the decision chunk uses its line diff only).
          test: /[\\/]node_modules[\\/](yaml|azure-devops-extension-api|diff)[\\/]/,
          sideEffects: false,
        },
        {
          // azure-devops-ui's modules run nothing when loaded but CommonImports (its polyfills),
          // and each imports its own stylesheet: marked free of side effects, a module no one
          // uses leaves the bundle with its CSS, even when a barrel (azure-devops-ui/Card.js)
          // re-exports it beside the one component a file needs.
          test: /[\\/]node_modules[\\/]azure-devops-ui[\\/].*\.js$/,
          exclude: /[\\/]azure-devops-ui[\\/](CommonImports|Core[\\/]find)\.js$/,
          sideEffects: false,
        },
        {
          test: /\.css$/,
          use: [
            MiniCssExtractPlugin.loader,
            {
              loader: "css-loader",
              // Fonts and images the CSS names are emitted beside it; the icon font is made by
              // IconFontPlugin, so its URL stays as written.
              options: { url: { filter: (url) => url !== ICON_FONT } },
            },
          ],
        },
        {
          test: /\.(woff2?|ttf|eot|svg|png)$/,
          type: "asset/resource",
          generator: { filename: "fonts/[name][ext]" },
        },
      ],
    },
    plugins: [
      // azure-devops-ui's Fluent icon styles need 1.3 MB of fonts: left out; src/hub/icons.css maps
      // the icons the hub shows to glyphs of the MDL2 icon font that azure-devops-ui also ships.
      new webpack.NormalModuleReplacementPlugin(
        /azure-devops-ui[\\/]Components[\\/]Icon[\\/]FluentIcons\.css$/,
        EMPTY_CSS,
      ),
      // Its MDL2 stylesheet maps 200 icon names to the 58 KB font; src/hub/icons.css declares the
      // font itself and maps the names the hub shows (the baseline keeps the library's own).
      ...(baseline
        ? []
        : [
            new webpack.NormalModuleReplacementPlugin(
              /azure-devops-ui[\\/]Components[\\/]Icon[\\/]FabricIcons\.css$/,
              EMPTY_CSS,
            ),
            new IconFontPlugin(),
          ]),
      new MiniCssExtractPlugin({ filename: "[name].css" }),
      new HubPagePlugin(
        (baseline ? ["hub"] : ["hub", "organization"]).map((page) =>
          path.resolve(__dirname, `static/${page}.html`),
        ),
      ),
    ],
    optimization: {
      minimizer: ["...", new EsbuildCssMinifyPlugin()],
      // The page loads hub.js and hub.css; what only a set-up needs comes later as its own chunks.
      splitChunks: false,
    },
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
