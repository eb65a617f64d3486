// Builds the StackSpot hub (src/hub) into dist/hub/: hub.js, hub.css and hub.html (from static/hub.html).
// Also builds the bench's baseline page (a bare React + azure-devops-ui page) with the very same settings
// when called with `--env baseline`, so the two sizes compare like with like.
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");

/**
 * webpack's own CSS minifier only runs with experiments.css; we extract CSS with mini-css-extract-plugin
 * instead (azure-devops-ui imports plain .css files), so minify the extracted files with esbuild.
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
            const { code } = esbuild.transformSync(assets[name].source().toString(), { loader: "css", minify: true });
            compilation.updateAsset(name, new sources.RawSource(code));
          }
        },
      );
    });
  }
}

/** Emits the hub page (static/hub.html) beside the bundle, as dist/hub/hub.html: the manifest's hub `uri`. */
class HubPagePlugin {
  constructor(source) {
    this.source = source;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HubPagePlugin", (compilation) => {
      compilation.fileDependencies.add(this.source);
      compilation.hooks.processAssets.tap({ name: "HubPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("hub.html", new sources.RawSource(fs.readFileSync(this.source)));
      });
    });
  }
}

module.exports = (env = {}) => {
  const baseline = Boolean(env.baseline);
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, baseline ? ".tmp/bench-baseline" : "dist/hub");
  return {
    mode: env.development ? "development" : "production",
    target: ["web", "es2020"],
    entry: { hub: baseline ? "./bench/baseline/index.tsx" : "./src/hub/index.tsx" },
    output: { path: outDir, filename: "[name].js", publicPath: "auto", clean: true },
    devtool: env.development ? "eval-source-map" : false,
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          // Types are checked once by `npm run typecheck`; the bundle only needs transpiling.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } },
          exclude: /node_modules/,
        },
        {
          test: /\.css$/,
          use: [
            MiniCssExtractPlugin.loader,
            {
              loader: "css-loader",
              options: {
                // azure-devops-ui declares its Fluent icon fonts (1.3 MB) but only uses them under the
                // .fluent-icons-enabled class, which this hub never sets: leave those URLs unresolved so
                // the fonts stay out of the extension package. The MDL2 icon font (58 KB) is emitted.
                url: { filter: (url) => !/fluent-(filled|regular)-/.test(url) },
              },
            },
          ],
        },
        { test: /\.(woff2?|ttf|eot|svg|png)$/, type: "asset/resource", generator: { filename: "fonts/[name][ext]" } },
      ],
    },
    plugins: [
      new MiniCssExtractPlugin({ filename: "[name].css" }),
      new HubPagePlugin(path.resolve(__dirname, "static/hub.html")),
    ],
    optimization: {
      minimizer: ["...", new EsbuildCssMinifyPlugin()],
      // One file each for JS and CSS: the hub page loads exactly hub.js and hub.css.
      splitChunks: false,
    },
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
