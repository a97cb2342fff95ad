// Rich-text editor for answers (django-prose-editor), loaded as a static module.
// The package's own presets import "django-prose-editor/editor" through an inline
// <script type="importmap">, which the admin's Content-Security-Policy forbids; this
// module imports the editor by its relative path instead. Offers exactly what answers
// may contain (see ALLOWED_TAGS in editing/html.py).
import {
  Bold, BulletList, Document, Dropcursor, Gapcursor, HardBreak, Heading, History,
  Italic, Link, ListItem, Menu, OrderedList, Paragraph, Table, TableCell, TableHeader,
  TableRow, Text, Underline, Blockquote, createTextareaEditor, initializeEditors,
} from "../../django_prose_editor/editor.js";

const ATTRIBUTE = "data-otandastar-prose-editor";
const LABELS = ["title", "aria-label"];

// The editor writes most of its interface as fixed English; the widget passes each text in the
// admin's language (editing/widgets.py EDITOR_TEXTS). Replaced in the toolbar, its menus and the
// dialogs, never inside the text being edited, nor an icon's ligature name (material-icons).
function translator(texts) {
  const lookup = (value) => (value && Object.hasOwn(texts, value.trim()) ? texts[value.trim()] : null);
  const translateElement = (element) => {
    if (element.closest("[contenteditable]")) return;
    for (const name of LABELS) {
      const text = lookup(element.getAttribute(name));
      if (text && text !== element.getAttribute(name)) element.setAttribute(name, text); // no endless loop
    }
    if (element.tagName === "OPTION" && !element.hasAttribute("value")) {
      element.value = element.textContent; // the editor reads the chosen option's English value
    }
    if (element.classList.contains("material-icons")) return;
    for (const node of element.childNodes) {
      const text = node.nodeType === Node.TEXT_NODE && lookup(node.data);
      if (text && text !== node.data) node.data = text;
    }
  };
  const translate = (root) => {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    translateElement(root);
    for (const element of root.querySelectorAll("*")) translateElement(element);
  };
  return { translate, translateElement };
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  let texts = {};
  try {
    texts = JSON.parse(textarea.getAttribute(ATTRIBUTE)) || {};
  } catch {
    texts = {};
  }
  const editor = createTextareaEditor(textarea, [
    Document, Dropcursor, Gapcursor, Paragraph, HardBreak, Text, History, Menu,
    Bold, Italic, Underline, Link, BulletList, ListItem, Blockquote,
    // Answers keep an ordered list's start number only (ALLOWED_ATTRIBUTES): no letter or Roman types.
    OrderedList.configure({
      listTypes: [{ label: "1, 2, 3, ...", type: "decimal", description: "Decimal numbers" }],
    }),
    Heading.configure({ levels: [2, 3, 4] }),
    Table, TableRow, TableHeader, TableCell,
  ]);
  const container = textarea.closest(".prose-editor");
  if (container) {
    const { translate, translateElement } = translator(texts);
    translate(container);
    // The menu redraws its current block's button and the dialogs are added when opened.
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes") translateElement(record.target);
        else record.addedNodes.forEach(translate);
      }
    }).observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: LABELS });
  }
  return editor;
}

initializeEditors((textarea) => createEditor(textarea), `[${ATTRIBUTE}]`);
