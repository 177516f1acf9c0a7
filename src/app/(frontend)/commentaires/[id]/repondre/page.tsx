import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { ReplyPage } from '@/components/comments/ReplyPage'
import { loadReplyContext } from '@/components/comments/reply'
import { getPayloadClient } from '@/data/payload'

type Props = { params: Promise<{ id: string }> }

// Always fresh (the comment may have been removed); not for search engines.
export const dynamic = 'force-dynamic'

const load = cache(async (id: string) => loadReplyContext(await getPayloadClient(), id))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const context = await load((await params).id)
  return {
    title: context ? `Répondre à ${context.comment.authorName}` : 'Commentaire introuvable',
    robots: { index: false, follow: false },
  }
}

export default async function ReplyToCommentPage({ params }: Props) {
  const context = await load((await params).id)
  if (!context) notFound()
  return <ReplyPage context={context} />
}
