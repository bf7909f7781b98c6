/**
 * One editor module per editor kind (lib/platforms ComposerSpec.editor): read the draft as plain
 * text, map offsets to DOM ranges, and replace a range through the framework (verified).
 */
import type { EditorKind, EditorModule } from '@/lib/editors/types';
import { draftEditor } from '@/lib/editors/draft';
import { lexicalEditor } from '@/lib/editors/lexical';
import { quill1Editor } from '@/lib/editors/quill1';
import { prosemirrorEditor } from '@/lib/editors/prosemirror';
import { textareaEditor } from '@/lib/editors/textarea';
import { contentEditableEditor } from '@/lib/editors/contenteditable';

export type { BridgeLike, EditorKind, EditorModule, OffsetRange, ReplaceContext, WriteResult } from '@/lib/editors/types';

export const EDITORS: Record<EditorKind, EditorModule> = {
  draft: draftEditor,
  lexical: lexicalEditor,
  quill1: quill1Editor,
  prosemirror: prosemirrorEditor,
  textarea: textareaEditor,
  contenteditable: contentEditableEditor,
};

export function editorFor(kind: EditorKind): EditorModule {
  return EDITORS[kind];
}
