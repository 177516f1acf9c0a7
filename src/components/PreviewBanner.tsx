/** Shown while an editor previews drafts; the link leaves draft mode. */
export function PreviewBanner() {
  return (
    <div className="preview-banner" role="status">
      Aperçu : vous voyez les brouillons. <a href="/apercu/quitter">Quitter l’aperçu</a>
    </div>
  )
}
