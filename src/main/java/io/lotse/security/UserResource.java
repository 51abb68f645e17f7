package io.lotse.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** User administration (beyond the v1 contract): without it nobody but the bootstrap admin could sign in. */
@Path("/api/users")
@RolesAllowed(Role.admin)
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    public record NewUser(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String username,
            @NotBlank @Size(min = 8, max = 200) String password,
            @NotNull @NotEmpty Set<String> roles) {
    }

    @POST
    public Response create(@Valid @NotNull NewUser body) {
        return Response.status(201).entity(users.create(body.username(), body.password(), body.roles())).build();
    }

    @GET
    public List<UserService.UserView> list() {
        return users.list();
    }

    public record Roles(@NotNull @NotEmpty Set<String> roles) {
    }

    /** Replaces the user's roles: 422 for an unknown role, no role, or taking away the last admin. */
    @PUT
    @Path("{username}/roles")
    public UserService.UserView changeRoles(@PathParam("username") String username, @Valid @NotNull Roles body) {
        return users.changeRoles(username, body.roles());
    }

    public record NewPassword(@NotBlank @Size(min = 8, max = 200) String password) {
    }

    @PUT
    @Path("{username}/password")
    public UserService.UserView resetPassword(@PathParam("username") String username, @Valid @NotNull NewPassword body) {
        return users.resetPassword(username, body.password());
    }
}
