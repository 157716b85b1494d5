/**
 * How large the world paints a texture that covers a slot. The slot's size comes from the page's
 * layout, which the words in it drive; a texture past the renderer's largest (WebGL's
 * MAX_TEXTURE_SIZE, 4096 on some school machines) is not drawn at all, and a canvas past it costs
 * hundreds of megabytes. So a slot larger than the bound is painted at the bound, keeping its
 * shape, and stretched to the slot, as a resize's frames already are.
 */

/** The largest side the world paints, whatever the renderer allows: more would be megabytes of map no screen needs. */
export const MAX_PAINTED_SIDE = 4096;

/** The texture's size for a `w` × `h` slot under the renderer's `maxTexture` (whole pixels, at least 1). */
export function textureSize(w: number, h: number, maxTexture: number = MAX_PAINTED_SIDE): { readonly w: number; readonly h: number } {
  const bound = Math.max(1, Math.min(MAX_PAINTED_SIDE, maxTexture));
  const scale = Math.min(1, bound / Math.max(w, 1), bound / Math.max(h, 1));
  return { w: Math.max(1, Math.min(bound, Math.round(w * scale))), h: Math.max(1, Math.min(bound, Math.round(h * scale))) };
}
