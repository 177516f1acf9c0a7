import Link from 'next/link'

export default function NotFound() {
  return (
    <article className="error-page">
      <h1>Page introuvable</h1>
      <p>La page demandée n’existe pas ou plus. Elle a peut-être été déplacée ou dépubliée.</p>
      <ul>
        <li>
          <Link href="/">Revenir à l’accueil</Link>
        </li>
        <li>
          <Link href="/projets">Voir les projets</Link>
        </li>
        <li>
          <Link href="/articles">Lire les articles</Link>
        </li>
      </ul>
    </article>
  )
}
