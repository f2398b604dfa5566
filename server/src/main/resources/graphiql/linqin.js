// GraphiQL for Linqin. Headers (the token among them) live in the headers editor and in this browser's
// localStorage (shouldPersistHeaders), never in the page URL: only the query and the variables are mirrored into
// the URL so that a link can be shared without a token in it. The operation to run is GraphiQL's choice (the
// operationName prop would pin one name even after the query no longer has it).
(function () {
    const settings = window.LINQIN_GRAPHIQL;
    const parameters = {};
    new URLSearchParams(window.location.search).forEach(function (value, key) {
        if (key === 'query' || key === 'variables') {
            parameters[key] = value;
        }
    });
    if (window.location.search.indexOf('headers=') >= 0) {
        // An old link may carry headers; drop them from the address bar and the browser history.
        updateURL();
    }

    function updateURL() {
        const search = new URLSearchParams();
        Object.keys(parameters).forEach(function (key) {
            if (parameters[key]) {
                search.set(key, parameters[key]);
            }
        });
        const text = search.toString();
        history.replaceState(null, '', text ? '?' + text : window.location.pathname);
    }

    function edited(key) {
        return function (value) {
            parameters[key] = value;
            updateURL();
        };
    }

    const base = window.location.protocol + '//' + window.location.host + settings.api;
    const wsBase = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + settings.api;

    // The headers of the editor go with every request; subscriptions send them in connection_init, which is where
    // a browser's WebSocket can carry a token.
    // The template's placeholders ("<access token>") are left out until real values are pasted, so the schema
    // loads meanwhile.
    function fetcher(graphQLParams, options) {
        const headers = Object.assign({}, (options && options.headers) || {});
        Object.keys(headers).forEach(function (name) {
            if (String(headers[name]).indexOf('<') >= 0) {
                delete headers[name];
            }
        });
        return GraphiQL.createFetcher({
            url: base,
            subscriptionUrl: wsBase,
            headers: headers,
            wsConnectionParams: headers,
        })(graphQLParams, Object.assign({}, options, { headers: headers }));
    }

    ReactDOM.render(
        React.createElement(GraphiQL, {
            fetcher: fetcher,
            query: parameters.query,
            variables: parameters.variables,
            onEditQuery: edited('query'),
            onEditVariables: edited('variables'),
            defaultQuery: settings.defaultQuery,
            defaultHeaders: settings.defaultHeaders,
            headerEditorEnabled: true,
            shouldPersistHeaders: true,
            defaultEditorToolsVisibility: 'headers',
        }),
        document.getElementById('graphiql')
    );
})();
