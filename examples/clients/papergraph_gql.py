"""papergraph from Python with gql (the GraphQL client), over requests.

Pages the paper list to its end and fetches one entity by global id through a
fragment on the Entity interface; prints a JSON summary. Used by
test/integration/clients.test.ts; run it by hand with the project's .venv:

    PAPERGRAPH_URL=http://localhost:4000/graphql .venv/bin/python examples/clients/papergraph_gql.py
"""

import json
import os

from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

URL = os.environ.get("PAPERGRAPH_URL", "http://localhost:4000/graphql")

PAPERS = gql(
    """
    query Papers($after: String) {
      papers(first: 25, after: $after) {
        totalCount
        edges { node { id title entities(type: METHOD) { entity { id } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
    """
)

NODE = gql(
    """
    query Node($id: ID!) {
      node(id: $id) { __typename id ... on Entity { name type paperCount } }
    }
    """
)

client = Client(transport=RequestsHTTPTransport(url=URL, timeout=30), fetch_schema_from_transport=False)

ids, total, after, pages = [], None, None, 0
while True:
    page = client.execute(PAPERS, variable_values={"after": after})["papers"]
    total, pages = page["totalCount"], pages + 1
    ids += [e["node"]["id"] for e in page["edges"]]
    if not page["pageInfo"]["hasNextPage"]:
        break
    after = page["pageInfo"]["endCursor"]

# An entity id met on the way, fetched back by its global id.
method_ids = [
    link["entity"]["id"]
    for paper in client.execute(PAPERS, variable_values={"after": None})["papers"]["edges"]
    for link in paper["node"]["entities"]
]
node = client.execute(NODE, variable_values={"id": method_ids[0]})["node"] if method_ids else None

print(json.dumps({"totalCount": total, "seen": len(ids), "distinct": len(set(ids)), "pages": pages, "node": node}))
