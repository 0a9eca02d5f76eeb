package org.ssoplatform.portal.keys;

import java.util.ArrayList;
import java.util.List;

/** The "create a key" form as submitted; the API validates it, the page shows its errors next to the fields. */
public class KeyForm {

    private String name = "";

    private String description = "";

    private String expires = "";

    private List<Long> roleIds = new ArrayList<>();

    private List<Long> permissionIds = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        this.expires = expires;
    }

    public List<Long> getRoleIds() {
        return roleIds;
    }

    public void setRoleIds(List<Long> roleIds) {
        this.roleIds = roleIds == null ? new ArrayList<>() : roleIds;
    }

    public List<Long> getPermissionIds() {
        return permissionIds;
    }

    public void setPermissionIds(List<Long> permissionIds) {
        this.permissionIds = permissionIds == null ? new ArrayList<>() : permissionIds;
    }
}
