package org.linqin.core.module.api;

import jakarta.annotation.security.PermitAll;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.community.api.CommunityView;
import org.linqin.core.module.ModuleRegistry;
import org.linqin.core.module.ModuleService;
import org.linqin.core.module.api.ModuleTypes.CommunityModuleView;
import org.linqin.core.module.api.ModuleTypes.ModuleView;
import org.linqin.core.module.api.ModuleTypes.SettingValueInput;
import org.linqin.core.security.Roles;

@GraphQLApi
public class ModuleApi {

    @Inject
    ModuleRegistry registry;

    @Inject
    ModuleService modules;

    @PermitAll
    @Query("modules")
    @Description("Modules and plugins installed on this server, with their settings schema. Public. 已安装模块")
    public List<ModuleView> installedModules() {
        return registry.all().stream().map(ModuleView::of).toList();
    }

    @Name("modules")
    @Description("Every installed module as it stands in this community (loaded in one batch): enabled or not, settings in force. 社区模块")
    public List<List<CommunityModuleView>> communityModules(@Source List<CommunityView> communities) {
        return modules.states(communities.stream().map(CommunityView::code).toList()).stream()
                .map(states -> states.stream().map(CommunityModuleView::of).toList()).toList();
    }

    @Mutation
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Description("Enables a module in a community, optionally setting some settings. Refused with CONFLICT while a "
            + "module it depends on is disabled there. Platform admins; audited. 启用模块")
    public CommunityModuleView enableModule(@NonNull @Description("Community code.") String community,
            @NonNull @Description("Module id.") String module,
            @Description("Settings to set (others keep their value).") List<SettingValueInput> settings) {
        return CommunityModuleView.of(modules.enable(community, module, ModuleTypes.toMap(settings)));
    }

    @Mutation
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Description("Disables a module in a community. Its data and settings stay and return when it is enabled "
            + "again. Refused with CONFLICT while an enabled module depends on it. Platform admins; audited. 停用模块")
    public CommunityModuleView disableModule(@NonNull @Description("Community code.") String community,
            @NonNull @Description("Module id.") String module) {
        return CommunityModuleView.of(modules.disable(community, module));
    }

    @Mutation
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Description("Changes settings of a module in a community; each value is checked against the module's "
            + "declaration. Platform admins; audited. 修改模块设置")
    public CommunityModuleView updateModuleSettings(@NonNull @Description("Community code.") String community,
            @NonNull @Description("Module id.") String module,
            @NonNull @Description("Settings to set.") List<@NonNull SettingValueInput> settings) {
        return CommunityModuleView.of(modules.updateSettings(community, module, ModuleTypes.toMap(settings)));
    }
}
