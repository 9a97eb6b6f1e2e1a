export { UsersModule } from './users.module.js';
export { UsersService } from './users.service.js';
export { PasswordHasher } from './password-hasher.js';
export { User } from './user.entity.js';
export { UserType } from './dtos/user.type.js';
export { ChangePasswordInput, CreateUserInput } from './dtos/user.inputs.js';
