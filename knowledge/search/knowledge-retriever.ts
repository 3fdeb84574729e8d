import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { SearchFilter } from '../types.ts';
import type { HybridSearch } from './hybrid-search.ts';

export interface KnowledgeRetrieverInput extends BaseRetrieverInput {
  search: HybridSearch;
  k?: number;
  filter?: SearchFilter;
}

/** The hybrid search behind LangChain's retriever interface, for chains and agents. */
export class KnowledgeRetriever extends BaseRetriever {
  lc_namespace = ['binh_dan_hoc_vu_so', 'retrievers'];
  private readonly hybrid: HybridSearch;
  private readonly k: number;
  private readonly filter: SearchFilter;

  constructor(input: KnowledgeRetrieverInput) {
    super(input);
    this.hybrid = input.search;
    this.k = input.k ?? 5;
    this.filter = input.filter ?? {};
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document[]> {
    const hits = await this.hybrid.search(query, { k: this.k, filter: this.filter });
    return hits.map(
      ({ chunk, score, lexicalRank, vectorRank }) =>
        new Document({
          id: String(chunk.id),
          pageContent: chunk.text,
          metadata: {
            chunkId: chunk.id,
            docId: chunk.docId,
            title: chunk.docTitle,
            heading: chunk.heading,
            ref: chunk.ref,
            kind: chunk.kind,
            audience: chunk.audience,
            level: chunk.level,
            source: chunk.source,
            score,
            lexicalRank,
            vectorRank,
          },
        }),
    );
  }
}
