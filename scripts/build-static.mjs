// Builds the front end into static/build/: NL Design System CSS (Utrecht design
// tokens + the Utrecht components Buurtwijs uses) followed by Buurtwijs's own
// styles, htmx, Leaflet (CSS, JS and marker images, for the map of initiatives) and
// Buurtwijs's own scripts. Plain concatenation and copies: no bundler needed for
// server-rendered pages.
//
// Only the components listed below are included instead of the whole component
// library bundle (about 400 KiB). Add a component here when a template starts
// using its classes; the build fails if a listed package is missing.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "static", "build");

const components = [
  "document",
  "skip-link",
  "heading-1",
  "heading-2",
  "heading-3",
  "heading-4",
  "paragraph",
  "link",
  "unordered-list",
  "ordered-list",
  "html-content",
  "article",
  "data-list",
  "separator",
  "alert",
  "button",
  "button-link",
  "button-group",
  "form",
  "form-field",
  "form-fieldset",
  "form-label",
  "form-field-description",
  "form-field-error-message",
  "textbox",
  "textarea",
  "select",
  "checkbox",
  "radio-button",
  "status-badge",
  "table",
  "page-header",
  "page-footer",
];

const cssParts = [
  // Light theme only: the dark colour scheme of index.css would clash with our colours.
  join(modules, "@utrecht/design-tokens/dist/theme.css"),
  ...components.map((name) => join(modules, `@utrecht/${name}-css/dist/index.css`)),
  join(root, "static/src/css/buurtwijs.css"),
  join(root, "static/src/css/directory.css"),
  join(root, "static/src/css/cases.css"),
];

const missing = cssParts.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`Missing CSS (run npm ci?):\n  ${missing.join("\n  ")}`);
  process.exit(1);
}

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });
const css = cssParts
  .map((file) => `/* ${file.slice(root.length + 1)} */\n${readFileSync(file, "utf8")}`)
  .join("\n");
writeFileSync(join(out, "css", "buurtwijs.css"), css);
copyFileSync(join(modules, "htmx.org/dist/htmx.min.js"), join(out, "js", "htmx.min.js"));

// Own scripts, loaded with <script src> only on the pages that use them.
const scripts = ["map.js"];
for (const name of scripts) {
  copyFileSync(join(root, "static/src/js", name), join(out, "js", name));
}

// Leaflet keeps its stylesheet beside its images (leaflet.css refers to
// images/marker-icon.png), so it is copied as a directory of its own.
const leaflet = join(modules, "leaflet/dist");
if (!existsSync(join(leaflet, "leaflet.js"))) {
  console.error("Missing Leaflet (run npm ci?)");
  process.exit(1);
}
mkdirSync(join(out, "leaflet", "images"), { recursive: true });
for (const name of ["leaflet.js", "leaflet.css"]) {
  copyFileSync(join(leaflet, name), join(out, "leaflet", name));
}
for (const name of readdirSync(join(leaflet, "images"))) {
  copyFileSync(join(leaflet, "images", name), join(out, "leaflet", "images", name));
}
console.log(
  `static/build: css/buurtwijs.css (${(css.length / 1024).toFixed(0)} KiB), js/htmx.min.js, ` +
    `js/${scripts.join(", js/")}, leaflet/`,
);
