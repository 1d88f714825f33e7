// Which Author node an author is: ids first, names only where they cannot mislead.
import { describe, expect, it } from 'vitest';
import { resolveAuthors, type IncomingAuthor, type StoredAuthor } from '../../../src/db/author-identity.js';

const author = (name: string, ids: string[] = [], position = 0): IncomingAuthor => ({ key: name.toLowerCase().replace(/[^a-z0-9]/g, ''), name, position, ids });
const uids = (papers: { authors: IncomingAuthor[] }[], stored: StoredAuthor[] = []) => resolveAuthors(papers, stored).map((p) => p.authors.map((a) => a.uid));

describe('resolveAuthors', () => {
  it('keeps one node per name when no source gives ids (the behaviour before ids)', () => {
    expect(uids([{ authors: [author('Ann Lee'), author('Bo Chen', [], 1)] }, { authors: [author('ann  LEE')] }])).toEqual([['name:annlee', 'name:bochen'], ['name:annlee']]);
    expect(uids([{ authors: [author('Ann Lee')] }], [{ uid: 'name:annlee', key: 'annlee', ids: {} }])).toEqual([['name:annlee']]);
  });

  it('matches by id before name, whatever the spelling, and an id-bearing author claims the one node of its name', () => {
    const stored: StoredAuthor[] = [{ uid: 'name:edwardjhu', key: 'edwardjhu', ids: {} }];
    const [first, second] = resolveAuthors(
      [
        { authors: [author('Edward J. Hu', ['openalex:A5023888391', 'orcid:0000-0002-1825-0097'])] },
        { authors: [author('E. Hu', ['orcid:0000-0002-1825-0097', 's2author:2157840'])] },
      ],
      stored,
    );
    // The name-only node takes the ids, ORCID first; the second spelling is the same person by ORCID and adds its S2 id.
    expect(first!.authors[0]).toMatchObject({ uid: 'name:edwardjhu', add: { orcid: '0000-0002-1825-0097', openalexId: 'A5023888391' } });
    expect(second!.authors[0]).toMatchObject({ uid: 'name:edwardjhu', key: 'ehu', add: { s2Id: '2157840' } });
  });

  it('tells two people of one name apart by conflicting ids, and gives a bare name to the name-only node', () => {
    const stored: StoredAuthor[] = [{ uid: 'orcid:0000-0001-0000-0001', key: 'weiwang', ids: { orcid: '0000-0001-0000-0001' } }];
    const resolved = uids(
      [
        { authors: [author('Wei Wang', ['orcid:0000-0001-0000-0002'])] }, // another ORCID: another person
        { authors: [author('Wei Wang', ['orcid:0000-0001-0000-0001'])] }, // the stored one
        { authors: [author('Wei Wang')] }, // two people now share the name: a bare name is pinned on neither
        { authors: [author('Wei Wang')] },
      ],
      stored,
    );
    expect(resolved).toEqual([['orcid:0000-0001-0000-0002'], ['orcid:0000-0001-0000-0001'], ['name:weiwang'], ['name:weiwang']]);
  });

  it('joins a bare name to the one node of that name even when it has ids', () => {
    const stored: StoredAuthor[] = [{ uid: 's2author:40348417', key: 'ashishvaswani', ids: { s2Id: '40348417' } }];
    expect(uids([{ authors: [author('Ashish Vaswani')] }], stored)).toEqual([['s2author:40348417']]);
  });

  it('never gives a node an id another node holds, nor a second id of a kind it has', () => {
    const stored: StoredAuthor[] = [
      { uid: 'a', key: 'annlee', ids: { orcid: '1', s2Id: '10' } },
      { uid: 'b', key: 'annli', ids: { s2Id: '20' } },
    ];
    const [p] = resolveAuthors([{ authors: [author('Ann Li', ['s2author:20', 'orcid:1', 'openalex:A7'])] }], stored);
    // ORCID wins the match (node a); s2author:20 stays with b; a already has an S2 id; it gains the OpenAlex id only.
    expect(p!.authors[0]).toMatchObject({ uid: 'a', add: { openalexId: 'A7' } });
  });

  it('ignores ids of kinds it does not know', () => {
    expect(uids([{ authors: [author('Ann Lee', ['dblp:homepages/x'])] }])).toEqual([['name:annlee']]);
  });
});
