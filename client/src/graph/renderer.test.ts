import { describe, expect, it } from 'vitest';
import { isHardwareRenderer, isLargeView, LARGE_VIEW, viewportTuning } from './renderer';

describe('renderer choice', () => {
  it('takes WebGL only on graphics hardware, never on a software rasteriser', () => {
    expect(isHardwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
    expect(isHardwareRenderer('Apple M2')).toBe(true);
    expect(isHardwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBe(true);
    expect(isHardwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(false);
    expect(isHardwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false);
    expect(isHardwareRenderer('Microsoft Basic Render Driver')).toBe(false);
    expect(isHardwareRenderer(undefined)).toBe(false);
  });

  it('moves a snapshot during gestures and draws at one pixel per CSS pixel only for large views', () => {
    expect(isLargeView(LARGE_VIEW)).toBe(false);
    expect(isLargeView(LARGE_VIEW + 1)).toBe(true);
    expect(viewportTuning(true)).toEqual({ textureOnViewport: true, hideEdgesOnViewport: true, motionBlur: false, pixelRatio: 1 });
    expect(viewportTuning(false)).toEqual({ textureOnViewport: false, hideEdgesOnViewport: false, motionBlur: false, pixelRatio: 'auto' });
  });
});
