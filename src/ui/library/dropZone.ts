/**
 * Drag and drop of scenario files anywhere on the page, on any screen: while files are dragged over
 * the page a drop zone shows what a drop will do; dropped files go to the library (index.ts).
 */
import { t } from '../../i18n';

const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/** Listens on the whole window; returns the uninstall. */
export function installDropZone(onFiles: (files: File[]) => void): () => void {
  const zone = document.createElement('div');
  zone.className = 'library-drop';
  zone.hidden = true;
  // A pointer gesture only; the scenario list's file button is the keyboard and screen-reader way in.
  zone.setAttribute('aria-hidden', 'true');
  const label = document.createElement('p');
  zone.append(label);
  document.body.append(zone);

  // dragenter and dragleave fire for every element crossed: count them to know when the drag left the page.
  let depth = 0;
  const show = (visible: boolean): void => {
    if (visible) label.textContent = t('library.dropHere');
    zone.hidden = !visible;
  };

  const onEnter = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    show(true);
  };
  const onOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    // Without this the browser would not allow the drop (and would open the file itself instead).
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) show(false);
  };
  const onDrop = (event: DragEvent): void => {
    depth = 0;
    show(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    onFiles(files);
  };
  const onEnd = (): void => {
    depth = 0;
    show(false);
  };

  window.addEventListener('dragenter', onEnter);
  window.addEventListener('dragover', onOver);
  window.addEventListener('dragleave', onLeave);
  window.addEventListener('drop', onDrop);
  window.addEventListener('dragend', onEnd);
  return () => {
    window.removeEventListener('dragenter', onEnter);
    window.removeEventListener('dragover', onOver);
    window.removeEventListener('dragleave', onLeave);
    window.removeEventListener('drop', onDrop);
    window.removeEventListener('dragend', onEnd);
    zone.remove();
  };
}
