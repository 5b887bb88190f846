/**
 * The code editor (CodeMirror 6). Loaded with a dynamic import only when a coding question comes,
 * and the language mode only for its language, so the first page stays small.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab, temporarilySetTabFocusMode } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';

export interface EditorOptions {
  doc: string;
  language: 'python' | 'sql';
  label: string;
  onChange: (doc: string) => void;
  /** Ctrl/Cmd+Enter: submit the answer, as in the answer box. */
  onSubmit: () => void;
}

async function languageSupport(language: EditorOptions['language']): Promise<Extension> {
  if (language === 'python') return (await import('@codemirror/lang-python')).python();
  const { sql, SQLite } = await import('@codemirror/lang-sql');
  return sql({ dialect: SQLite, upperCaseKeywords: true });
}

const theme = EditorView.theme({
  '&': { fontSize: '0.9rem', backgroundColor: 'var(--code-bg)', borderRadius: '8px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', padding: '0.75rem 0', minHeight: '12rem' },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: 'var(--muted)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'rgba(47, 93, 98, 0.06)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
});

export async function createEditor(parent: HTMLElement, o: EditorOptions): Promise<EditorView> {
  const lang = await languageSupport(o.language);
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        indentUnit.of('    '),
        // Earlier bindings win: ours come before the defaults they shadow (Mod-Enter, Escape).
        keymap.of([
          { key: 'Mod-Enter', run: () => (o.onSubmit(), true) },
          // Tab indents; Escape then Tab leaves the editor, so keyboard users are never trapped.
          { key: 'Escape', run: temporarilySetTabFocusMode },
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        lang,
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': o.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) o.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
}
