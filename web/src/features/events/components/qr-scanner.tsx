import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../app/i18n';

/**
 * The device camera reading QR codes (@zxing/browser, loaded only when a scan starts). Calls onCode for
 * each code read; the desk keeps scanning until stopped.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();
  const last = useRef<{ code: string; at: number }>({ code: '', at: 0 });
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        if (cancelled || !video.current) return;
        const reader = new BrowserQRCodeReader();
        const controls = await reader.decodeFromConstraints({ video: { facingMode: 'environment' } }, video.current, (result) => {
          if (!result) return;
          const code = result.getText();
          const now = Date.now();
          // the same code held in front of the camera is read many times a second: once per 3 s
          if (code === last.current.code && now - last.current.at < 3000) return;
          last.current = { code, at: now };
          handler.current(code);
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  return error ? (
    <Alert type="warning" showIcon title={t('event.scanUnavailable', { error })} />
  ) : (
    <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 320, background: '#000', borderRadius: 8 }} />
  );
}
