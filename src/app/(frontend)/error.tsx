'use client'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <article className="error-page">
      <h1>Une erreur est survenue</h1>
      <p>Nous n’avons pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste, écrivez-nous.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Réessayer
        </button>{' '}
        <a href="/">Revenir à l’accueil</a>
      </p>
    </article>
  )
}
