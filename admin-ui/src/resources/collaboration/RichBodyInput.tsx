import { lazy, Suspense } from 'react';
import { LinearProgress } from '@mui/material';
import type { RichTextInputProps } from 'ra-input-rich-text';

/** The editor (tiptap + ProseMirror) is large: it loads with the first announcement form, not with the console. */
const RichTextInput = lazy(() => import('ra-input-rich-text').then((module) => ({ default: module.RichTextInput })));

/** ra-input-rich-text's RichTextInput, loaded on demand. */
export const RichBodyInput = (props: RichTextInputProps) => (
  <Suspense fallback={<LinearProgress sx={{ my: 2, width: '100%' }} />}>
    <RichTextInput {...props} />
  </Suspense>
);
