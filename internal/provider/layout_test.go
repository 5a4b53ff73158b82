package provider_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestFileLayout keeps the file layout of DESIGN.md ("Layout of a resource"). For a framework type
// (one with a `var _ resource.Resource = (*xResource)(nil)`-style check) declared in its main file
// resource_x.go, data_source_x.go, list_x.go or provider.go:
//
//   - its interface checks stand in one var block of the main file, and name every optional interface
//     its methods implement;
//   - Schema and IdentitySchema are in <main>_schema.go; ListResourceConfigSchema stays in list_x.go;
//   - ValidateConfig, ConfigValidators and ModifyPlan are in <main>_plan.go;
//   - every other method is in the main file.
//
// Models: a type named ...ModelV0 and every fill method are in a _model.go file, which makes no API
// calls (it never touches a client). A list resource's config model is named ...ListConfig and stays in
// its list_x.go.
func TestFileLayout(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	typeFile := map[string]string{}
	type method struct{ recv, name, file string }
	type check struct {
		typ, iface, file string
		block            *ast.GenDecl
	}
	var methods []method
	var checks []check
	listConfigs := map[string]string{} // type → file
	problems := map[string]bool{}
	report := func(file, rule, fix string) {
		problems[file+": "+rule+"; "+fix+"."] = true
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		model := strings.HasSuffix(name, "_model.go")
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					continue
				}
				recv := receiverName(d.Recv.List[0].Type)
				methods = append(methods, method{recv, d.Name.Name, name})
				if d.Name.Name == "fill" && !model {
					report(name, recv+".fill converts API objects into a model outside a _model.go file",
						"move it next to its model, into the _model.go file")
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						typeFile[s.Name.Name] = name
						if strings.HasSuffix(s.Name.Name, "ModelV0") && !model {
							report(name, "model "+s.Name.Name+" is declared outside a _model.go file",
								"move it, with its fill, into the _model.go file of its resource or data source")
						}
						if strings.HasSuffix(s.Name.Name, "ListConfig") {
							listConfigs[s.Name.Name] = name
						}
					case *ast.ValueSpec:
						if typ, iface, ok := interfaceCheck(s); ok {
							checks = append(checks, check{typ, iface, name, d})
						}
					}
				}
			}
		}
		if model {
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "client" || sel.Sel.Name == "Client") {
					report(name, "a _model.go file refers to the API client",
						"fetch in the resource's CRUD (or the data source's Read) and pass what it returned to fill")
					return false
				}
				return true
			})
		}
	}

	// The framework types and their main files.
	mainFile := map[string]string{}
	blocks := map[string]*ast.GenDecl{}
	implemented := map[string][]string{}
	for _, c := range checks {
		kind, _, _ := strings.Cut(c.iface, ".")
		prefix, framework := map[string]string{"resource": "resource_", "datasource": "data_source_", "list": "list_", "provider": "provider"}[kind]
		if !framework {
			continue
		}
		main := typeFile[c.typ]
		mainFile[c.typ] = main
		implemented[c.typ] = append(implemented[c.typ], c.iface)
		switch {
		case c.file != main:
			report(c.file, "the interface check of "+c.typ+" ("+c.iface+") is outside the type's main file "+main,
				"move it into the var block of "+main)
		case blocks[c.typ] == nil:
			blocks[c.typ] = c.block
		case blocks[c.typ] != c.block:
			report(c.file, "the interface checks of "+c.typ+" stand in more than one var block",
				"list every interface "+c.typ+" implements in one var ( ... ) block")
		}
		if !strings.HasPrefix(main, prefix) || strings.HasSuffix(main, "_schema.go") || strings.HasSuffix(main, "_model.go") ||
			strings.HasSuffix(main, "_plan.go") {
			report(main, c.typ+" ("+kind+") is declared in a file not named as its main file",
				"declare it in "+prefix+"<name>.go")
		}
	}
	listMains := map[string]bool{}
	for typ, main := range mainFile {
		listMains[main] = strings.HasPrefix(main, "list_") && hasSuffix(implemented[typ], "ListResource")
	}
	for typ, file := range listConfigs {
		if !listMains[file] {
			report(file, "list config model "+typ+" is declared outside the list_x.go file of a list resource",
				"move it into the list_x.go file of the list resource that reads it")
		}
	}
	optional := map[string]string{
		"ValidateConfig": "WithValidateConfig", "ConfigValidators": "WithConfigValidators", "ModifyPlan": "WithModifyPlan",
		"ImportState": "WithImportState", "IdentitySchema": "WithIdentity", "UpgradeState": "WithUpgradeState", "MoveState": "WithMoveState",
	}
	for _, m := range methods {
		main, framework := mainFile[m.recv]
		if !framework {
			continue
		}
		base := strings.TrimSuffix(main, ".go")
		want := main
		switch m.name {
		case "Schema", "IdentitySchema":
			want = base + "_schema.go"
		case "ValidateConfig", "ConfigValidators", "ModifyPlan":
			want = base + "_plan.go"
		}
		if m.file != want {
			report(m.file, m.recv+"."+m.name+" belongs in "+want, "move it there")
		}
		if suffix, ok := optional[m.name]; ok && !hasSuffix(implemented[m.recv], suffix) {
			report(main, m.recv+" has "+m.name+" but its var block does not check the interface ending in "+suffix,
				"add the check to the var block of "+main)
		}
	}
	sorted := make([]string, 0, len(problems))
	for p := range problems {
		sorted = append(sorted, p)
	}
	sort.Strings(sorted)
	for _, p := range sorted {
		t.Error(p)
	}
	if len(sorted) > 0 {
		t.Log("DESIGN.md, \"Layout of a resource\", says which file holds what.")
	}
}

// receiverName is T for a receiver of type T or *T.
func receiverName(expr ast.Expr) string {
	if star, ok := expr.(*ast.StarExpr); ok {
		expr = star.X
	}
	if id, ok := expr.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// interfaceCheck recognises `_ pkg.Interface = (*T)(nil)` and returns T and "pkg.Interface".
func interfaceCheck(s *ast.ValueSpec) (typ, iface string, ok bool) {
	if len(s.Names) != 1 || s.Names[0].Name != "_" || len(s.Values) != 1 {
		return "", "", false
	}
	sel, ok := s.Type.(*ast.SelectorExpr)
	if !ok {
		return "", "", false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", "", false
	}
	call, ok := s.Values[0].(*ast.CallExpr)
	if !ok {
		return "", "", false
	}
	paren, ok := call.Fun.(*ast.ParenExpr)
	if !ok {
		return "", "", false
	}
	star, ok := paren.X.(*ast.StarExpr)
	if !ok {
		return "", "", false
	}
	id, ok := star.X.(*ast.Ident)
	if !ok {
		return "", "", false
	}
	return id.Name, pkg.Name + "." + sel.Sel.Name, true
}

func hasSuffix(list []string, suffix string) bool {
	for _, s := range list {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}
