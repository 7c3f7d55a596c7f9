import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';

/**
 * Past this many elements (nodes + edges) drawing every frame in full no longer keeps up while the user pans and
 * zooms: the canvas then moves a snapshot during gestures, and the stylesheet switches to cheaper edges.
 */
export const LARGE_VIEW = 1500;

export function isLargeView(elementCount: number): boolean {
  return elementCount > LARGE_VIEW;
}

// Software rasterisers: there WebGL is slower than Cytoscape's 2D canvas (0.3–4 frames/s against ~38 here).
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** Whether a WebGL renderer name (WEBGL_debug_renderer_info's unmasked one) is real graphics hardware. */
export function isHardwareRenderer(name: string | undefined): boolean {
  return !!name && !SOFTWARE_RENDERER.test(name);
}

/** The browser's WebGL renderer name, or undefined when it has no WebGL or hides the name. */
export function webglRendererName(): string | undefined {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : undefined;
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** The Cytoscape instance of the canvas, the same for the app and the UI bench: WebGL only on real graphics hardware. */
export function createCanvas(container: HTMLElement, style: StylesheetJson, webgl = isHardwareRenderer(webglRendererName())): Core {
  return cytoscape({
    container,
    style,
    boxSelectionEnabled: true,
    selectionType: 'single',
    minZoom: 0.05,
    maxZoom: 4,
    webgl,
    ...viewportTuning(false),
  });
}

export interface ViewportTuning {
  /** During drags, wheel zooms and pinches, move a bitmap of the last full frame instead of drawing elements. */
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  motionBlur: boolean;
  /** Device pixels per CSS pixel; 1 on a high-density screen draws a quarter of the pixels. */
  pixelRatio: number | 'auto';
}

export function viewportTuning(large: boolean): ViewportTuning {
  return large
    ? { textureOnViewport: true, hideEdgesOnViewport: true, motionBlur: false, pixelRatio: 1 }
    : { textureOnViewport: false, hideEdgesOnViewport: false, motionBlur: false, pixelRatio: 'auto' };
}

interface RendererFields {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  motionBlurEnabled: boolean;
  forcedPixelRatio: number | null;
}

/**
 * Applies the tuning for the view's size to a live instance. Cytoscape takes these options only when it is created,
 * and the canvas is created empty; its renderer keeps them as plain fields that it reads on every frame.
 */
export function tuneViewport(cy: Core, large: boolean): void {
  const tuning = viewportTuning(large);
  const renderer = (cy as Core & { renderer: () => RendererFields }).renderer();
  renderer.textureOnViewport = tuning.textureOnViewport;
  renderer.hideEdgesOnViewport = tuning.hideEdgesOnViewport;
  renderer.motionBlurEnabled = tuning.motionBlur;
  renderer.forcedPixelRatio = tuning.pixelRatio === 'auto' ? null : tuning.pixelRatio;
}
