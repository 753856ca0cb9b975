// Builds the front end into static/build/: NL Design System CSS (Utrecht design
// tokens + the Utrecht components Buurtwijs uses) followed by Buurtwijs's own
// styles, and htmx. Plain concatenation: no bundler needed for server-rendered pages.
//
// Only the components listed below are included instead of the whole component
// library bundle (about 400 KiB). Add a component here when a template starts
// using its classes; the build fails if a listed package is missing.
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
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
console.log(`static/build: css/buurtwijs.css (${(css.length / 1024).toFixed(0)} KiB), js/htmx.min.js`);
