// The operations of the example pages. Me, Communities, Community, Mine, Cancel and IncidentChanges are copied from
// graphql-schema/examples (me-and-people, community, facility-booking, grid); ReportIncident is the example Report
// with its input as a variable, so the page can send what the resident typed. The client kit hashes each document
// once (SHA-256) and sends the hash instead of the text from then on.
module.exports = {
  Me: `query Me {
  me { subject username community roles communities person { id name phone unit household } }
}`,
  Communities: `query Communities($after: String) {
  communities(first: 50, after: $after) {
    edges { node { code name district } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  Community: `query Community {
  community {
    code
    name
    district
    timeZone
    foundedOn
    compounds(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          buildings { id name units floors }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    places(first: 20) {
      edges { node { id name kind compound { name } } }
    }
    modules { module { id nameZh } enabled settings { key value } }
  }
}`,
  ReportIncident: `mutation ReportIncident($input: IncidentInput!) {
  reportIncident(input: $input) { id state level routedRole levelDeadline }
}`,
  IncidentChanges: `subscription IncidentChanges {
  incidentChanges { id category state level updatedAt }
}`,
  Mine: `query Mine { myBookings { edges { node { id roomId startsAt endsAt state decisionReason } } } }`,
  Cancel: `mutation Cancel($id: ID!) { cancelBooking(id: $id) { id state } }`,
};
