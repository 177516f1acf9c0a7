export default function HomePage() {
  return (
    <main id="contenu">
      <h1>Le Labo de l’ESS</h1>
      <p>
        Le Labo de l’ESS est un think tank qui construit, par un travail collaboratif, des axes structurants de
        l’économie sociale et solidaire, à partir d’initiatives concrètes, innovantes et inspirantes issues des
        territoires.
      </p>
      <p>
        <a href="/admin">Administration</a>
      </p>
    </main>
  )
}
