// Rich-text editor for answers (django-prose-editor), loaded as a static module.
// The package's own presets import "django-prose-editor/editor" through an inline
// <script type="importmap">, which the admin's Content-Security-Policy forbids; this
// module imports the editor by its relative path instead. Offers exactly what answers
// may contain (see ALLOWED_TAGS in otandastar/templatetags/site_tags.py).
import {
  Bold, BulletList, Document, Dropcursor, Gapcursor, HardBreak, Heading, History,
  Italic, Link, ListItem, Menu, OrderedList, Paragraph, Table, TableCell, TableHeader,
  TableRow, Text, Underline, Blockquote, createTextareaEditor, initializeEditors,
} from "../../django_prose_editor/editor.js";

const ATTRIBUTE = "data-otandastar-prose-editor";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  return createTextareaEditor(textarea, [
    Document, Dropcursor, Gapcursor, Paragraph, HardBreak, Text, History, Menu,
    Bold, Italic, Underline, Link, BulletList, OrderedList, ListItem, Blockquote,
    Heading.configure({ levels: [2, 3, 4] }),
    Table, TableRow, TableHeader, TableCell,
  ]);
}

initializeEditors((textarea) => createEditor(textarea), `[${ATTRIBUTE}]`);
