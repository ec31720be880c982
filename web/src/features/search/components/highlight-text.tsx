import type { HighlightSegment } from '../api';

/** A title with the matched parts in <mark>, as the server segmented it. */
export function HighlightText({ segments, fallback }: { segments: readonly HighlightSegment[]; fallback: string }) {
  if (segments.length === 0) return <>{fallback}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="tx-mark">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
