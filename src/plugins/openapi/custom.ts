/**
 * The documentation of the custom endpoints the other plugins add: search, comment submission
 * and counts, glossary annotations. Their bodies come from the code of those endpoints; the
 * comment's request body is generated from the comments collection's fields.
 */
import { responseRef, schemaRef } from '../../lib/openapi/document'
import type { JSONSchema, Operation, PathItem } from '../../lib/openapi/types'

type Input = {
  api: string
  searchTypes?: readonly string[]
  glossaryCollections?: readonly string[]
  /** Schema of the comment a visitor sends (write mode), when comments are enabled. */
  commentInput?: JSONSchema
  /** Name of the documented comment schema (read mode). */
  commentSchema?: string
}

const json = (schema: JSONSchema, example?: unknown) => ({ 'application/json': { schema, ...(example !== undefined ? { example } : {}) } })

const codedError = (description: string, codes: string[], example: { code: string; message: string }): Operation['responses'][string] => ({
  description: `${description} (codes : ${codes.join(', ')})`,
  content: json({ $ref: schemaRef('Error') }, { errors: [example] }),
})

export function customPaths(input: Input): { paths: Record<string, PathItem>; schemas: Record<string, JSONSchema>; tags: { name: string; description?: string }[] } {
  const { api } = input
  const paths: Record<string, PathItem> = {}
  const schemas: Record<string, JSONSchema> = {}
  const tags: { name: string; description?: string }[] = []

  if (input.searchTypes) {
    tags.push({ name: 'Recherche', description: 'Recherche plein texte en français dans les contenus publiés' })
    schemas.SearchResult = {
      type: 'object',
      properties: {
        type: { type: 'string', enum: [...input.searchTypes], description: 'Collection du document' },
        typeLabel: { type: 'string', description: 'Nom du type, en français', examples: ['Projet'] },
        id: { type: 'integer' },
        title: { type: 'string', description: 'Titre' },
        url: { type: 'string', description: 'Chemin sur le site public', examples: ['/projets/le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess'] },
        absoluteUrl: { type: ['string', 'null'], description: 'Adresse complète sur le site public' },
        excerpt: { type: 'string', description: 'Extrait en HTML échappé ; les mots trouvés sont entourés de <mark>' },
        rank: { type: 'number', description: 'Pertinence (plus grand = meilleur)' },
        publishedAt: { type: ['string', 'null'], format: 'date-time', description: 'Date de publication' },
      },
      required: ['type', 'typeLabel', 'id', 'title', 'url', 'absoluteUrl', 'excerpt', 'rank', 'publishedAt'],
    }
    schemas.SearchResponse = {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'La requête, normalisée' },
        types: { type: ['array', 'null'], items: { type: 'string' }, description: 'Types filtrés, ou null pour tous' },
        docs: { type: 'array', items: { $ref: schemaRef('SearchResult') } },
        totalDocs: { type: 'integer' },
        limit: { type: 'integer' },
        page: { type: 'integer' },
        totalPages: { type: 'integer' },
        hasPrevPage: { type: 'boolean' },
        hasNextPage: { type: 'boolean' },
        prevPage: { type: ['integer', 'null'] },
        nextPage: { type: ['integer', 'null'] },
      },
      required: ['query', 'types', 'docs', 'totalDocs', 'limit', 'page', 'totalPages', 'hasPrevPage', 'hasNextPage', 'prevPage', 'nextPage'],
    }
    paths[`${api}/search`] = {
      get: {
        operationId: 'search',
        summary: 'Rechercher dans les contenus publiés',
        description:
          'Recherche plein texte en français (racines, accents et mots vides ignorés), les plus pertinents d’abord. ' +
          'Seuls les documents publiés sont renvoyés, quel que soit l’appelant.',
        tags: ['Recherche'],
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: 'Requête (200 caractères au plus) : mots, "expression exacte", -mot exclu, mot1 OR mot2.',
            schema: { type: 'string', maxLength: 200 },
            example: 'coopération',
          },
          {
            name: 'type',
            in: 'query',
            description: 'Collection(s) à chercher, séparées par des virgules ; toutes par défaut.',
            schema: { type: 'string', examples: ['projects,articles'] },
          },
          { name: 'page', in: 'query', description: 'Page, à partir de 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', description: 'Résultats par page (1 à 50).', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
        responses: {
          '200': { description: 'Résultats', content: json({ $ref: schemaRef('SearchResponse') }) },
          '304': responseRef('NotModified'),
          '400': codedError(
            'Requête invalide',
            ['QUERY_EMPTY', 'QUERY_TOO_LONG', 'QUERY_NO_WORDS', 'QUERY_ONLY_STOPWORDS', 'QUERY_ONLY_EXCLUSIONS', 'TYPE_UNKNOWN', 'PAGE_INVALID', 'LIMIT_INVALID'],
            { code: 'QUERY_EMPTY', message: 'Saisissez au moins un mot à rechercher.' },
          ),
          '503': codedError('Recherche indisponible', ['SEARCH_UNAVAILABLE'], {
            code: 'SEARCH_UNAVAILABLE',
            message: 'La recherche est momentanément indisponible. Réessayez dans quelques instants.',
          }),
        },
      },
    }
  }

  if (input.glossaryCollections) {
    tags.push({ name: 'Glossaire', description: 'Termes du glossaire repérés dans les textes' })
    schemas.GlossaryAnnotations = {
      type: 'object',
      properties: {
        collection: { type: 'string', enum: [...input.glossaryCollections] },
        id: { type: 'integer' },
        slug: { type: ['string', 'null'] },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Texte brut de chaque champ de texte riche' },
        annotations: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string', description: 'Champ du document' },
              term: { type: 'string', description: 'Terme du glossaire', examples: ['Économie sociale et solidaire'] },
              slug: { type: 'string', description: 'Identifiant du terme', examples: ['ess'] },
              shortDefinition: { type: 'string', description: 'Définition courte' },
              start: { type: 'integer', description: 'Début dans le texte brut du champ (unités UTF-16)' },
              end: { type: 'integer', description: 'Fin (exclue)' },
              text: { type: 'string', description: 'Le texte tel qu’écrit', examples: ['ESS'] },
            },
            required: ['field', 'term', 'slug', 'shortDefinition', 'start', 'end', 'text'],
          },
        },
      },
      required: ['collection', 'id', 'slug', 'fields', 'annotations'],
    }
    paths[`${api}/glossary/annotations`] = {
      get: {
        operationId: 'glossaryAnnotations',
        summary: 'Termes du glossaire dans un document',
        description:
          'Pour chaque champ de texte riche d’un document publié, les premières occurrences des termes du glossaire ' +
          '(comme sur le site). Indiquer soit id, soit slug.',
        tags: ['Glossaire'],
        parameters: [
          { name: 'collection', in: 'query', required: true, description: 'Collection du document', schema: { type: 'string', enum: [...input.glossaryCollections] }, example: 'projects' },
          { name: 'id', in: 'query', description: 'Identifiant du document', schema: { type: 'integer' } },
          { name: 'slug', in: 'query', description: 'Slug du document', schema: { type: 'string' }, example: 'le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess' },
          { name: 'all', in: 'query', description: 'true : toutes les occurrences, pas seulement la première', schema: { type: 'boolean', default: false } },
        ],
        responses: {
          '200': { description: 'Les annotations', content: json({ $ref: schemaRef('GlossaryAnnotations') }) },
          '304': responseRef('NotModified'),
          '400': codedError('Paramètres invalides', ['invalid_collection', 'missing_document'], { code: 'missing_document', message: 'Indiquer soit « id », soit « slug ».' }),
          '404': codedError('Document introuvable ou non publié', ['not_found'], { code: 'not_found', message: 'Document introuvable ou non publié.' }),
        },
      },
    }
  }

  if (input.commentInput) {
    tags.push({ name: 'Commentaires', description: 'Commentaires des lecteurs, modérés' })
    schemas.CommentInput = { ...input.commentInput, description: 'Un commentaire de lecteur. Le statut est décidé par le serveur (modération).' }
    const post: Operation = {
      operationId: 'createComment',
      summary: 'Proposer un commentaire',
      description:
        'Un lecteur (anonyme) propose un commentaire sur une page publiée ouverte aux commentaires. Selon la modération, il ' +
        'paraît aussitôt ou attend une validation. Les clés d’API ne peuvent pas écrire.',
      tags: ['Commentaires'],
      security: [{}],
      requestBody: {
        required: true,
        content: json({ $ref: schemaRef('CommentInput') }, {
          target: { relationTo: 'articles', value: 1 },
          authorName: 'Camille Martin',
          authorEmail: 'camille@example.org',
          body: 'Merci pour ce {{compte rendu}} !',
        }),
      },
      responses: {
        '201': {
          description: 'Commentaire reçu',
          content: json({
            type: 'object',
            properties: {
              doc: input.commentSchema ? { $ref: schemaRef(input.commentSchema) } : { type: 'object' },
              message: { type: 'string' },
            },
            required: ['doc', 'message'],
          }),
        },
        '400': codedError('Champs invalides', ['validation_error'], { code: 'validation_error', message: 'Certains champs sont invalides.' }),
        '403': codedError('Commentaires fermés ou page non publiée', ['forbidden'], { code: 'forbidden', message: 'Les commentaires sont fermés sur cette page.' }),
        '409': codedError('Commentaire en double', ['conflict'], { code: 'conflict', message: 'Vous avez déjà envoyé ce message.' }),
        '429': responseRef('TooManyRequests'),
      },
    }
    paths[`${api}/comments`] = { ...(paths[`${api}/comments`] ?? {}), post }
    paths[`${api}/comments/counts`] = {
      get: {
        operationId: 'commentCounts',
        summary: 'Nombre de commentaires publiés par page',
        tags: ['Commentaires'],
        parameters: [
          { name: 'targets', in: 'query', description: 'Pages : collection:id séparés par des virgules', schema: { type: 'string' }, example: 'articles:1,articles:2' },
          { name: 'collection', in: 'query', description: 'Ou toute une collection', schema: { type: 'string' }, example: 'articles' },
        ],
        responses: {
          '200': {
            description: 'Nombre de commentaires approuvés par page',
            content: json({
              type: 'object',
              properties: { counts: { type: 'object', additionalProperties: { type: 'integer' } } },
              required: ['counts'],
            }),
          },
          '304': responseRef('NotModified'),
          '400': responseRef('BadRequest'),
        },
      },
    }
  }
  return { paths, schemas, tags }
}
