/**
 * Reading the passport's QR code with the phone's camera: the browser's own `BarcodeDetector`
 * where it has one (Chrome on Android), else ZXing (`@zxing/browser`, plain JavaScript, no
 * WebAssembly, so the portal's Content-Security-Policy stays as it is). ZXing is loaded only when
 * needed (a separate chunk). The passport's QR code holds the passport code itself.
 * Also draws a QR code (the confirmation link of a member registered at the counter).
 */

export interface Scan {
  stop: () => void;
}

interface DetectedBarcode {
  rawValue: string;
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const CAMERA: MediaStreamConstraints = { video: { facingMode: 'environment' }, audio: false };

/** Whether this browser may use a camera at all (a secure page with media devices). */
export function canScan(): boolean {
  return (
    window.isSecureContext &&
    typeof navigator.mediaDevices !== 'undefined' &&
    typeof navigator.mediaDevices.getUserMedia === 'function'
  );
}

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass })
    .BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = await Detector.getSupportedFormats();
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/**
 * Shows the camera in `video` and calls `found` once with the first QR code read; the caller
 * stops the scan (also when the person cancels). Rejects when the camera cannot be opened.
 */
export async function startScan(
  video: HTMLVideoElement,
  found: (text: string) => void,
): Promise<Scan> {
  let done = false;
  const report = (text: string) => {
    const value = text.trim();
    if (done || value === '') return;
    done = true;
    found(value);
  };
  const detector = await nativeDetector();
  if (detector) {
    const stream = await navigator.mediaDevices.getUserMedia(CAMERA);
    video.srcObject = stream;
    video.setAttribute('playsinline', '');
    video.muted = true;
    await video.play();
    let timer = 0;
    const tick = () => {
      if (done) return;
      detector
        .detect(video)
        .then((codes) => {
          const first = codes[0];
          if (first) report(first.rawValue);
        })
        .catch(() => undefined)
        .finally(() => {
          if (!done) timer = window.setTimeout(tick, 200);
        });
    };
    tick();
    return {
      stop: () => {
        done = true;
        window.clearTimeout(timer);
        for (const track of stream.getTracks()) track.stop();
        video.srcObject = null;
      },
    };
  }
  const { BrowserQRCodeReader } = await import('@zxing/browser');
  const reader = new BrowserQRCodeReader();
  const controls = await reader.decodeFromConstraints(CAMERA, video, (result) => {
    if (result) report(result.getText());
  });
  return {
    stop: () => {
      done = true;
      controls.stop();
    },
  };
}

/** A QR code of `text` as an SVG element, drawn by ZXing. */
export async function qrCode(text: string, size: number): Promise<SVGSVGElement> {
  const { BrowserQRCodeSvgWriter } = await import('@zxing/browser');
  return new BrowserQRCodeSvgWriter().write(text, size, size);
}
