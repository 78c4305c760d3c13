const STAR = "M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2z";

/**
 * Four stars, filled to `halfStars` (0–8). Decorative: whoever shows it also
 * writes the rating as text ("3½/4"), so it is hidden from assistive technology.
 */
export function Stars({ halfStars, className = "h-4" }: { halfStars: number; className?: string }) {
  return (
    <svg viewBox="0 0 96 24" className={`${className} w-auto shrink-0`} aria-hidden="true" focusable="false">
      {[0, 1, 2, 3].map((i) => {
        const fill = Math.max(0, Math.min(2, halfStars - i * 2));
        return (
          <g key={i} transform={`translate(${i * 24} 0)`}>
            <path d={STAR} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
            {fill > 0 ? (
              // A nested svg half as wide clips the filled star to its left half.
              <svg
                width={fill === 2 ? 24 : 12}
                height="24"
                viewBox={fill === 2 ? "0 0 24 24" : "0 0 12 24"}
                overflow="hidden"
              >
                <path d={STAR} fill="currentColor" />
              </svg>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
