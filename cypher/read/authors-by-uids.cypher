// Authors by node uid (as a paper's author list gives them), with paper counts.
UNWIND $uids AS uid
MATCH (a:Author {uid: uid})
RETURN uid, a.name AS name, COUNT { (a)<-[:AUTHORED_BY]-() } AS paperCount
