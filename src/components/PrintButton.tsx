'use client'

/** "Imprimer": the print stylesheet gives a clean page (no navigation, links written out). */
export function PrintButton() {
  return (
    <button type="button" className="no-print print-button" onClick={() => window.print()}>
      Imprimer
    </button>
  )
}
